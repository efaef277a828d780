// tsc compiles code only: copy the data files the compiled library reads at run time into dist/.
import { cpSync, mkdirSync } from 'node:fs';

cpSync('src/annotate/entities/model', 'dist/annotate/entities/model', { recursive: true });
cpSync('src/annotate/quotes/model', 'dist/annotate/quotes/model', { recursive: true });
mkdirSync('dist/assess/stance/body', { recursive: true });
cpSync('src/assess/stance/body/model.bin.gz', 'dist/assess/stance/body/model.bin.gz');
mkdirSync('dist/assess/stance/headline', { recursive: true });
cpSync('src/assess/stance/headline/model.json', 'dist/assess/stance/headline/model.json');
cpSync('src/align/pairs/model', 'dist/align/pairs/model', { recursive: true });
