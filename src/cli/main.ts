/**
 * The command-line program. Commands are imported lazily so that a one-draft check
 * loads only what it uses (start-up time matters to drafters re-running it all day).
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, type CliIO } from './commands/context.js';

const positiveNumber = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CommanderError(EXIT.usage, 'kehoach.usage', `not a positive number: ${v}`);
  return n;
};

/** --today, --on: a real calendar day, YYYY-MM-DD. */
const isoDay = (v: string): string => {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    throw new CommanderError(EXIT.usage, 'kehoach.usage', `a date is YYYY-MM-DD, not "${v}"`);
  }
  return v;
};

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('kehoach')
    .description('Checks Vietnamese implementation plans (kế hoạch triển khai) against the plans they derive from')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const maxSize = (documents = false): Option =>
    new Option('--max-file-size <MB>', `largest plan file accepted, in MB (default 10${documents ? '; documents: 100' : ''})`).argParser(positiveNumber);
  // --plans is repeatable wherever it is taken: several folders load as one corpus.
  const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];
  const plansDirs = (what = 'corpus directory'): Option =>
    new Option('--plans <dir>', `${what}; repeat to add more (default: plans, or \`plans\` in the config)`).argParser(collect);
  const parentOpt = (whose: string): Option => new Option('--parent <id>', `set the parent plan of ${whose} for this run (an id in the corpus)`);
  // An empty argument (an unset shell variable, "") would read as the working directory: refuse it.
  // So would an empty option value (--plans "", -o ""): every value given must name something.
  program.hook('preAction', (_root, action) => {
    if (action.args.some((a) => a === '')) throw new CommanderError(EXIT.usage, 'kehoach.usage', `${action.name()}: an argument is empty ("")`);
    for (const [name, value] of Object.entries(action.opts())) {
      if (value === '' || (Array.isArray(value) && value.includes(''))) throw new CommanderError(EXIT.usage, 'kehoach.usage', `${action.name()}: option --${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is empty ("")`);
    }
  });

  program
    .command('validate')
    .description('load plans and report anything that stops loading (exit 0 or 2)')
    .argument('[paths...]', 'plan files or directories (default: plans)')
    .addOption(plansDirs('corpus directory loaded with the paths (the parents of the files named)'))
    .addOption(maxSize())
    .action(async (paths: string[], opts) => {
      const { validateCommand } = await import('./commands/validate.js');
      code = await validateCommand(io, paths, opts);
    });

  program
    .command('graph')
    .description('show the derivation graph')
    .argument('[paths...]', 'plan files or directories', ['plans'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'mermaid', 'dot']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .addOption(maxSize())
    .action(async (paths: string[], opts) => {
      const { graphCommand } = await import('./commands/graph.js');
      code = await graphCommand(io, paths, opts);
    });

  program
    .command('check')
    .description('check each plan against its direct parents and report findings (exit 0, 1 on findings at --fail-on, 2 when input cannot be loaded)')
    .argument('[paths...]', 'plan files or directories (default: plans, or `plans` in the config); documents (.txt, .md, .docx, .pdf) are imported in memory and checked against their parents')
    .option('--plan <id|file>', 'check only this plan (an id in the corpus, or a draft file checked against its parents in --plans)')
    .addOption(plansDirs('the corpus the draft and the documents are checked against'))
    .addOption(parentOpt('the --plan draft and the documents'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'junit', 'github', 'markdown']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of messages (default vi, or $KEHOACH_LANG)').choices(['vi', 'en']))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1 (default error)').choices(['error', 'warning', 'info', 'never']))
    .option('-q, --quiet', 'show errors only (text, markdown, github); the summary still counts everything')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', `configuration file (default: ./kehoach.config.yaml when present)`)
    .option('--no-cache', 'do not read or write the cache')
    .option('--cache-dir <dir>', 'where the cache lives (default: $KEHOACH_CACHE_DIR or ./.kehoach-cache)')
    .addOption(new Option('--today <date>', 'the date waivers expire against (YYYY-MM-DD; default: today)').argParser(isoDay))
    .addOption(maxSize(true))
    .action(async (paths: string[], opts) => {
      const { checkCommand } = await import('./commands/check.js');
      code = await checkCommand(io, paths, opts);
    });

  program
    .command('link')
    .description('show the automatic matches of a child plan against its parents; with --write, write them into its YAML as explicit implements links')
    .argument('<child>', 'the child plan: a YAML file, a document (.txt, .md, .docx, .pdf; shown only, never written), or an id in --plans')
    .addOption(plansDirs('the corpus holding the parents'))
    .option('--write', 'write the links into the child file (only lines are added; nothing is written without it)')
    .addOption(new Option('--lang <lang>', 'language of the listing (default vi)').choices(['vi', 'en']))
    .option('-c, --config <file>', 'configuration file (default: ./kehoach.config.yaml when present)')
    .addOption(maxSize(true))
    .action(async (child: string, opts) => {
      const { linkCommand } = await import('./commands/link.js');
      code = await linkCommand(io, child, opts);
    });

  program
    .command('rules')
    .description('list every rule with its id, default severity and description')
    .addOption(new Option('--lang <lang>', 'language of the descriptions (default vi)').choices(['vi', 'en']))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (opts) => {
      const { rulesCommand } = await import('./commands/rules.js');
      code = await rulesCommand(io, opts);
    });

  program
    .command('diff')
    .description('show a child plan beside its parent: one row per parent task with its matched child tasks, marks and the check\'s findings (exit 0; 2 when the plans cannot be loaded)')
    .argument('<parent>', 'the parent plan: an id in the corpus, or a plan file')
    .argument('<child>', 'the child plan: an id, a plan file or a document (a file replaces the corpus plan of its id)')
    .addOption(plansDirs())
    .addOption(parentOpt('the child'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json', 'html']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of the report (default vi)').choices(['vi', 'en']))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default: ./kehoach.config.yaml when present)')
    .addOption(new Option('--today <date>', 'the date waivers expire against (YYYY-MM-DD; default: today)').argParser(isoDay))
    .addOption(maxSize(true))
    .action(async (parent: string, child: string, opts) => {
      const { diffCommand } = await import('./commands/diff.js');
      code = await diffCommand(io, parent, child, opts);
    });

  program
    .command('audit')
    .description('audit every child of a plan (deeper with --depth): coverage matrix, score per child, derivation graph, findings (exit 0; 2 when the plans cannot be loaded)')
    .argument('<parent>', 'the parent plan: an id in the corpus, a plan file or a document')
    .addOption(plansDirs())
    .addOption(parentOpt('the audited plan'))
    .addOption(new Option('--depth <n>', 'levels below the parent to include (default 1)').argParser(positiveNumber))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'markdown', 'json']).default('html'))
    .addOption(new Option('--lang <lang>', 'language of the report (default vi)').choices(['vi', 'en']))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--split <folder>', 'HTML in pages: one per direct child with plans below it (a province), and index.html linking them')
    .option('-c, --config <file>', 'configuration file (default: ./kehoach.config.yaml when present)')
    .addOption(new Option('--today <date>', 'the date waivers expire against (YYYY-MM-DD; default: today)').argParser(isoDay))
    .addOption(maxSize(true))
    .action(async (parent: string, opts) => {
      const { auditCommand } = await import('./commands/audit.js');
      code = await auditCommand(io, parent, opts);
    });

  program
    .command('letter')
    .description('write the review letter (công văn góp ý) on a child plan, from its check against its parents: Word, Markdown or HTML (exit 0; 2 when the plans cannot be loaded or the plan was compared with no parent)')
    .argument('<child>', 'the child plan: an id in the corpus, a plan file or a document (.txt, .md, .docx, .pdf)')
    .addOption(plansDirs('the corpus holding the parents'))
    .addOption(parentOpt('the child'))
    .option('-o, --output <file>', 'write the letter to a file (.docx, .md, .html); Markdown to stdout otherwise')
    .addOption(new Option('-f, --format <format>', 'letter format (default: from the -o extension, else md)').choices(['docx', 'md', 'html']))
    .addOption(new Option('--lang <lang>', 'language of the letter (default vi)').choices(['vi', 'en']))
    .addOption(new Option('--today <date>', 'the letter\'s date (YYYY-MM-DD; default: today in Vietnam)').argParser(isoDay))
    .option('-c, --config <file>', 'configuration file (default: ./kehoach.config.yaml when present)')
    .option('--issuer <name>', 'the body sending the letter (tên cơ quan ban hành), e.g. "Sở Nội vụ tỉnh Thanh Hóa"')
    .option('--superior <name>', 'its governing body (tên cơ quan chủ quản), printed above it, e.g. "UBND tỉnh Thanh Hóa"')
    .option('--number <number>', 'the letter\'s number, e.g. "…/SNV-XDCQ"')
    .option('--place <place>', 'the place in the date line, e.g. "Thanh Hóa"')
    .addOption(new Option('--title <title>', 'the signer\'s title, e.g. "GIÁM ĐỐC"; repeat for two lines ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")').argParser(collect))
    .option('--signer <name>', 'who signs')
    .option('--recipient <name>', 'Kính gửi (default: the child plan\'s issuer)')
    .addOption(maxSize())
    .action(async (child: string, opts) => {
      const { letterCommand } = await import('./commands/letter.js');
      code = await letterCommand(io, child, opts);
    });

  program
    .command('import')
    .description('turn plan documents (.txt, .md, .docx, .pdf) into kehoach YAML; each parent is resolved against --plans (exit 1 when a document gave no task or no parent, 2 when one cannot be read)')
    .argument('<files...>', 'documents, or folders of documents')
    .option('--out <file.yaml>', 'write the YAML of one document here (refuses to overwrite without --force); stdout otherwise')
    .option('--out-dir <folder>', 'write each document\'s YAML as <folder>/<document name>.yaml (needed for several documents)')
    .addOption(plansDirs('the corpus to resolve the parent against (default: plans, or else the bundled plans)'))
    .option('--parent <id>', 'set the parent plan explicitly')
    .option('--force', 'overwrite existing output files')
    .addOption(new Option('--max-file-size <MB>', 'largest document accepted, in MB (default 100; also the largest --plans file, default 10)').argParser(positiveNumber))
    .action(async (files: string[], opts: { out?: string; outDir?: string; plans?: string[]; parent?: string; force?: boolean; maxFileSize?: number }) => {
      const { runImport } = await import('./commands/import.js');
      const { corpusPaths } = await import('./commands/corpus-paths.js');
      const { existsSync } = await import('node:fs');
      // The parent is resolved against --plans, ./plans, or else the bundled plans (announced).
      const chosen = corpusPaths(io, { plans: opts.plans, given: true, lang: 'vi' });
      const plansDir = chosen.length === 1 && chosen[0] === 'plans' && !existsSync('plans') ? undefined : chosen;
      code = await runImport(
        {
          files,
          ...(opts.out ? { out: opts.out } : {}),
          ...(opts.outDir ? { outDir: opts.outDir } : {}),
          ...(plansDir ? { plansDir } : {}),
          ...(opts.force ? { force: true } : {}),
          ...(opts.parent ? { parent: opts.parent } : {}),
          ...(opts.maxFileSize !== undefined ? { maxFileMb: opts.maxFileSize } : {}),
        },
        io,
      );
    });

  program
    .command('scaffold')
    .description('draft a child plan carrying every duty the parent addresses to the child\'s level: counterpart agencies, the parent\'s deadlines, earlier reporting dates, placeholders where the parent is silent (exit 0; 1 when no duty could be carried; 2 when the plans cannot be loaded or the unit is not of that level)')
    .argument('<parent>', 'the parent plan: an id in the corpus, or a plan file')
    .requiredOption('--unit <unit>', 'the unit the draft is for, with its kind: "huyện Hậu Lộc", "phường Bắc Sơn", "tỉnh Hà Nam"; a department by its name: "Sở Nội vụ"')
    .addOption(new Option('--level <level>', 'the draft\'s level (default: the level below the parent\'s)').choices(['province', 'district', 'commune', 'department']))
    .addOption(plansDirs('the corpus holding the parent'))
    .option('-o, --output <file>', 'write the draft here (.yaml, .md or .docx: the format follows the extension) instead of stdout')
    .addOption(new Option('-f, --format <format>', 'output format (default: from -o, else yaml)').choices(['yaml', 'md', 'docx']))
    .addOption(new Option('--lang <lang>', 'language of the notes and messages (default vi; the document itself is Vietnamese)').choices(['vi', 'en']))
    .option('-c, --config <file>', 'configuration file (default: ./kehoach.config.yaml when present)')
    .addOption(maxSize())
    .action(async (parent: string, opts) => {
      const { scaffoldCommand } = await import('./commands/scaffold.js');
      code = await scaffoldCommand(io, parent, opts);
    });

  const resolve = program.command('resolve').description('show what kehoach understood of a deadline or an agency text (exit 0 understood, 1 unreadable or unknown)');
  const resolveFormat = (): Option => new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');
  const resolveOn = (): Option => new Option('--on <date>', 'judge by the structure in force on this date (YYYY-MM-DD)').argParser(isoDay);
  resolve
    .command('deadline')
    .argument('<text>', 'the deadline as written, e.g. "Quý III năm 2023"')
    .addOption(resolveFormat())
    .addOption(resolveOn())
    .action(async (text: string, opts) => {
      const { resolveDeadlineCommand } = await import('./commands/resolve.js');
      code = resolveDeadlineCommand(io, text, opts);
    });
  resolve
    .command('agency')
    .argument('<text>', 'one agency or a written list, e.g. "Sở Nội vụ; UBND các huyện, thị xã, thành phố"')
    .addOption(new Option('--level <level>', 'the level of the plan the text comes from').choices(['national', 'province', 'district', 'commune', 'department']))
    .addOption(resolveFormat())
    .addOption(resolveOn())
    .action(async (text: string, opts) => {
      const { resolveAgencyCommand } = await import('./commands/resolve.js');
      code = resolveAgencyCommand(io, text, opts);
    });

  program
    .command('schema')
    .description('print the plan format as JSON Schema (generated from the model)')
    .action(async () => {
      const { planJsonSchemaText } = await import('../core/model/json-schema.js');
      io.out(planJsonSchemaText());
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      if (e.code === 'kehoach.usage' || e.code.startsWith('commander.')) {
        if (e.code === 'kehoach.usage') io.err(`error: ${e.message}\n`);
        return EXIT.usage;
      }
    }
    io.err(`kehoach: internal error: ${(e as Error).message}\n`);
    return EXIT.load;
  }
  return code;
}
