/** Entry of dist/main/browser-host.js. */
import { reportStartupFailure, runBrowserShell } from './run';

runBrowserShell().catch(reportStartupFailure);
