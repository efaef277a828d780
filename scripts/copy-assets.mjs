// tsc compiles code only: copy the data files the compiled library reads at run time into dist/.
import { cpSync } from 'node:fs';

cpSync('src/annotate/entities/model', 'dist/annotate/entities/model', { recursive: true });
cpSync('src/annotate/quotes/model', 'dist/annotate/quotes/model', { recursive: true });
