/** Every test process reads the shipped domain tables from disk, as the CLI does (src/cli.ts). */
import { useDiskTables } from '../src/app/tables.js';

useDiskTables();
