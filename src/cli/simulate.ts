// `npm run simulate -- …` (tsx): the command's entry; see main.ts.
import { main } from './main';

await main(process.argv.slice(2));
