/**
 * The command-line program. Commands are imported lazily so that a one-draft check
 * loads only what it uses (start-up time matters to drafters re-running it all day).
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, readerLang, type CliIO } from './commands/context.js';
import { saidText } from '../format/said.js';
import type { Lang } from '../format/messages.js';
import { commanderError, helpWords } from './usage-words.js';

/** The language of the command line itself (help, usage errors): --lang anywhere in the arguments, else $KEHOACH_LANG, else Vietnamese. */
function argvLang(argv: readonly string[], io: CliIO): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
  return readerLang(io, given === 'en' || given === 'vi' ? given : undefined);
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const lang = argvLang(argv, io);
  /** A word of the command line, from the one dictionary (rules/messages.yaml, `cli.` terms). */
  const h = (key: string, vars: Record<string, string | number> = {}): string => saidText({ key, vars }, lang);
  const usageError = (key: string, vars: Record<string, string | number>): CommanderError => new CommanderError(EXIT.usage, 'kehoach.usage', h(key, vars));
  const positiveNumber = (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw usageError('cli.err.positive', { value: v });
    return n;
  };
  /** --today, --on: a real calendar day, YYYY-MM-DD. */
  const isoDay = (v: string): string => {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) throw usageError('cli.err.date', { value: v });
    return v;
  };
  const program = new Command('kehoach')
    .description(h('cli.program'))
    .version('0.1.0', '-V, --version', h('cli.help.version'))
    .helpOption('-h, --help', h('cli.help.help'))
    .helpCommand('help [command]', h('cli.help.help'))
    .configureHelp(helpWords(lang))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: (s, write) => write(commanderError(s, lang)) });
  const maxSize = (documents = false): Option =>
    new Option('--max-file-size <MB>', h(documents ? 'cli.opt.max-size-docs' : 'cli.opt.max-size')).argParser(positiveNumber);
  // --plans is repeatable wherever it is taken: several folders load as one corpus.
  const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];
  const plansDirs = (what = h('cli.what.corpus')): Option =>
    new Option('--plans <dir>', h('cli.opt.plans', { what })).argParser(collect);
  const parentOpt = (whose: string): Option => new Option('--parent <id>', h('cli.opt.parent', { whose }));
  // The cache: a check's report and store, and for every command that reads a corpus about some plans, the corpus index.
  const noCache = (): Option => new Option('--no-cache', h('cli.opt.no-cache'));
  const cacheDir = (): Option => new Option('--cache-dir <dir>', h('cli.opt.cache-dir'));
  const langOpt = (key = 'cli.opt.lang'): Option => new Option('--lang <lang>', h(key)).choices(['vi', 'en']);
  // An empty argument (an unset shell variable, "") would read as the working directory: refuse it.
  // So would an empty option value (--plans "", -o ""): every value given must name something.
  program.hook('preAction', (_root, action) => {
    if (action.args.some((a) => a === '')) throw usageError('cli.err.empty-arg', { command: action.name() });
    for (const [name, value] of Object.entries(action.opts())) {
      if (value === '' || (Array.isArray(value) && value.includes(''))) throw usageError('cli.err.empty-opt', { command: action.name(), option: `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` });
    }
  });

  program
    .command('validate')
    .description(h('cli.validate'))
    .argument('[paths...]', h('cli.validate.paths'))
    .addOption(plansDirs(h('cli.what.validate')))
    .addOption(langOpt())
    .addOption(maxSize())
    .action(async (paths: string[], opts) => {
      const { validateCommand } = await import('./commands/validate.js');
      code = await validateCommand(io, paths, opts);
    });

  program
    .command('graph')
    .description(h('cli.graph'))
    .argument('[paths...]', h('cli.graph.paths'), ['plans'])
    .addOption(new Option('-f, --format <format>', h('cli.opt.format')).choices(['text', 'json', 'mermaid', 'dot']).default('text'))
    .option('-o, --output <file>', h('cli.opt.output'))
    .addOption(langOpt())
    .addOption(maxSize())
    .action(async (paths: string[], opts) => {
      const { graphCommand } = await import('./commands/graph.js');
      code = await graphCommand(io, paths, opts);
    });

  program
    .command('check')
    .description(h('cli.check'))
    .argument('[paths...]', h('cli.check.paths'))
    .option('--plan <id|file>', h('cli.check.plan'))
    .addOption(plansDirs(h('cli.what.check')))
    .addOption(parentOpt(h('cli.whose.draft')))
    .addOption(new Option('-f, --format <format>', h('cli.opt.format')).choices(['text', 'json', 'sarif', 'junit', 'github', 'markdown']).default('text'))
    .addOption(langOpt())
    .addOption(new Option('--fail-on <severity>', h('cli.check.fail-on')).choices(['error', 'warning', 'info', 'never']))
    .option('-q, --quiet', h('cli.check.quiet'))
    .option('-o, --output <file>', h('cli.opt.output-report'))
    .option('-c, --config <file>', h('cli.opt.config'))
    .addOption(noCache())
    .addOption(cacheDir())
    .addOption(new Option('--today <date>', h('cli.opt.today')).argParser(isoDay))
    .addOption(maxSize(true))
    .action(async (paths: string[], opts) => {
      const { checkCommand } = await import('./commands/check.js');
      code = await checkCommand(io, paths, opts);
    });

  program
    .command('link')
    .description(h('cli.link'))
    .argument('<child>', h('cli.link.child'))
    .addOption(plansDirs(h('cli.what.parents')))
    .option('--write', h('cli.link.write'))
    .addOption(langOpt())
    .option('-c, --config <file>', h('cli.opt.config'))
    .addOption(maxSize(true))
    .action(async (child: string, opts) => {
      const { linkCommand } = await import('./commands/link.js');
      code = await linkCommand(io, child, opts);
    });

  program
    .command('rules')
    .description(h('cli.rules'))
    .addOption(langOpt())
    .addOption(new Option('-f, --format <format>', h('cli.opt.format')).choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', h('cli.opt.output'))
    .action(async (opts) => {
      const { rulesCommand } = await import('./commands/rules.js');
      code = await rulesCommand(io, opts);
    });

  program
    .command('diff')
    .description(h('cli.diff'))
    .argument('<parent>', h('cli.scaffold.parent'))
    .argument('<child>', h('cli.diff.child'))
    .addOption(plansDirs())
    .addOption(parentOpt(h('cli.whose.child')))
    .addOption(new Option('-f, --format <format>', h('cli.opt.format')).choices(['text', 'markdown', 'json', 'html']).default('text'))
    .addOption(langOpt())
    .option('-o, --output <file>', h('cli.opt.output-report'))
    .option('-c, --config <file>', h('cli.opt.config'))
    .addOption(new Option('--today <date>', h('cli.opt.today')).argParser(isoDay))
    .addOption(noCache())
    .addOption(cacheDir())
    .addOption(maxSize(true))
    .action(async (parent: string, child: string, opts) => {
      const { diffCommand } = await import('./commands/diff.js');
      code = await diffCommand(io, parent, child, opts);
    });

  program
    .command('audit')
    .description(h('cli.audit'))
    .argument('<parent>', h('cli.audit.parent'))
    .addOption(plansDirs())
    .addOption(parentOpt(h('cli.whose.audited')))
    .addOption(new Option('--depth <n>', h('cli.audit.depth')).argParser(positiveNumber))
    .addOption(new Option('-f, --format <format>', h('cli.opt.format')).choices(['html', 'markdown', 'json']).default('html'))
    .addOption(langOpt())
    .option('-o, --output <file>', h('cli.opt.output-report'))
    .option('--split <folder>', h('cli.audit.split'))
    .option('-c, --config <file>', h('cli.opt.config'))
    .addOption(new Option('--today <date>', h('cli.opt.today')).argParser(isoDay))
    .addOption(noCache())
    .addOption(cacheDir())
    .addOption(maxSize(true))
    .action(async (parent: string, opts) => {
      const { auditCommand } = await import('./commands/audit.js');
      code = await auditCommand(io, parent, opts);
    });

  program
    .command('letter')
    .description(h('cli.letter'))
    .argument('<child>', h('cli.letter.child'))
    .addOption(plansDirs(h('cli.what.parents')))
    .addOption(parentOpt(h('cli.whose.child')))
    .option('-o, --output <file>', h('cli.letter.output'))
    .addOption(new Option('-f, --format <format>', h('cli.letter.format')).choices(['docx', 'md', 'html']))
    .addOption(langOpt())
    .addOption(new Option('--today <date>', h('cli.letter.today')).argParser(isoDay))
    .option('-c, --config <file>', h('cli.opt.config'))
    .option('--issuer <name>', h('cli.letter.issuer'))
    .option('--superior <name>', h('cli.letter.superior'))
    .option('--number <number>', h('cli.letter.number'))
    .option('--place <place>', h('cli.letter.place'))
    .addOption(new Option('--title <title>', h('cli.letter.title')).argParser(collect))
    .option('--signer <name>', h('cli.letter.signer'))
    .option('--recipient <name>', h('cli.letter.recipient'))
    .addOption(maxSize())
    .action(async (child: string, opts) => {
      const { letterCommand } = await import('./commands/letter.js');
      code = await letterCommand(io, child, opts);
    });

  program
    .command('import')
    .description(h('cli.import'))
    .argument('<files...>', h('cli.import.files'))
    .option('--out <file.yaml>', h('cli.import.out'))
    .option('--out-dir <folder>', h('cli.import.out-dir'))
    .addOption(plansDirs(h('cli.what.import')))
    .option('--parent <id>', h('cli.import.parent'))
    .option('--force', h('cli.import.force'))
    .addOption(langOpt())
    .addOption(new Option('--max-file-size <MB>', h('cli.import.max-size')).argParser(positiveNumber))
    .action(async (files: string[], opts: { out?: string; outDir?: string; plans?: string[]; parent?: string; force?: boolean; maxFileSize?: number; lang?: Lang }) => {
      const { runImport } = await import('./commands/import.js');
      const { corpusPaths } = await import('./commands/corpus-paths.js');
      const { existsSync } = await import('node:fs');
      // The parent is resolved against --plans, ./plans, or else the bundled plans (announced).
      const chosen = corpusPaths(io, { plans: opts.plans, given: true, lang: readerLang(io, opts.lang) });
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
          lang: readerLang(io, opts.lang),
        },
        io,
      );
    });

  program
    .command('scaffold')
    .description(h('cli.scaffold'))
    .argument('<parent>', h('cli.scaffold.parent'))
    .requiredOption('--unit <unit>', h('cli.scaffold.unit'))
    .addOption(new Option('--level <level>', h('cli.scaffold.level')).choices(['province', 'district', 'commune', 'department']))
    .addOption(plansDirs(h('cli.what.parent')))
    .option('-o, --output <file>', h('cli.scaffold.output'))
    .addOption(new Option('-f, --format <format>', h('cli.scaffold.format')).choices(['yaml', 'md', 'docx']))
    .addOption(langOpt('cli.opt.lang-scaffold'))
    .option('-c, --config <file>', h('cli.opt.config'))
    .addOption(maxSize())
    .action(async (parent: string, opts) => {
      const { scaffoldCommand } = await import('./commands/scaffold.js');
      code = await scaffoldCommand(io, parent, opts);
    });

  program
    .command('serve')
    .description(h('cli.serve'))
    .option('--workspace <dir>', h('cli.serve.workspace'))
    .addOption(new Option('--plans <dir>', h('cli.serve.plans')).argParser(collect))
    .addOption(new Option('--port <n>', h('cli.serve.port')).argParser((v: string): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw usageError('cli.err.port', { value: v });
      return n;
    }))
    .option('--host <addr>', h('cli.serve.host'))
    .addOption(new Option('--max-upload-mb <MB>', h('cli.serve.max-upload')).argParser(positiveNumber))
    .addOption(langOpt('cli.serve.lang'))
    .option('-c, --config <file>', h('cli.opt.config'))
    .addOption(new Option('--today <date>', h('cli.serve.today')).argParser(isoDay))
    .action(async (opts) => {
      const { serveCommand } = await import('./commands/serve.js');
      code = await serveCommand(io, opts);
    });

  const resolve = program.command('resolve').description(h('cli.resolve'));
  const resolveFormat = (): Option => new Option('-f, --format <format>', h('cli.opt.format')).choices(['text', 'json']).default('text');
  const resolveOn = (): Option => new Option('--on <date>', h('cli.resolve.on')).argParser(isoDay);
  resolve
    .command('deadline')
    .description(h('cli.resolve.deadline'))
    .argument('<text>', h('cli.resolve.deadline.text'))
    .addOption(resolveFormat())
    .addOption(resolveOn())
    .action(async (text: string, opts) => {
      const { resolveDeadlineCommand } = await import('./commands/resolve.js');
      code = resolveDeadlineCommand(io, text, opts);
    });
  resolve
    .command('agency')
    .description(h('cli.resolve.agency'))
    .argument('<text>', h('cli.resolve.agency.text'))
    .addOption(new Option('--level <level>', h('cli.resolve.level')).choices(['national', 'province', 'district', 'commune', 'department']))
    .addOption(resolveFormat())
    .addOption(resolveOn())
    .action(async (text: string, opts) => {
      const { resolveAgencyCommand } = await import('./commands/resolve.js');
      code = resolveAgencyCommand(io, text, opts);
    });

  program
    .command('schema')
    .description(h('cli.schema'))
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
        if (e.code === 'kehoach.usage') io.err(`${h('cli.err.prefix')}: ${e.message}\n`);
        return EXIT.usage;
      }
    }
    io.err(h('cli.err.internal', { message: (e as Error).message }) + '\n');
    return EXIT.load;
  }
  return code;
}
