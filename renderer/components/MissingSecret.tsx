import { zhCN } from '../../shared/i18n/zh-CN';
import { en } from '../../shared/i18n/en';

/** Shown in both languages: without the API we cannot even read the language setting's use. */
export function MissingSecret() {
  return (
    <div className="fullpage-message" role="alert">
      <div className="fullpage-card">
        <h1>{zhCN.app.noSecretTitle}</h1>
        <p>{zhCN.app.noSecretBody}</p>
        <hr />
        <h2 lang="en">{en.app.noSecretTitle}</h2>
        <p lang="en">{en.app.noSecretBody}</p>
        <pre>npm start</pre>
      </div>
    </div>
  );
}
