// `npm run asyncapi -- …` (tsx): the command's entry; see asyncapiMain.ts.
import { main } from './asyncapiMain';

await main(process.argv.slice(2));
