// `npm run render -- …` (tsx): the command's entry; see renderMain.ts.
import { main } from './renderMain';

await main(process.argv.slice(2));
