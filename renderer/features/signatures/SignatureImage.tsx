import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tMessage } from '../../i18n/messages';
import { readFull, type Loaded } from '../photos/thumbnails';

/** A captured signature, read by its hash (from the server first on a device that only pulled it). */
export function SignatureImage({ sha256, alt }: { sha256: string; alt: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let live = true;
    void readFull(sha256).then((r) => {
      if (live) setLoaded(r);
    });
    return () => {
      live = false;
    };
  }, [sha256]);

  if (!loaded) return <span className="signature-image is-loading" aria-hidden="true" />;
  if ('error' in loaded) {
    return (
      <span className="signature-image signature-image--missing">{tMessage(t, loaded.error)}</span>
    );
  }
  return <img className="signature-image" src={loaded.url} alt={alt} />;
}
