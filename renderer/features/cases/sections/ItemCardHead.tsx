import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmRemove } from './confirmRemove';

interface Props {
  /** The item's title, e.g. 当事人 2. */
  title: string;
  /** The remove button's accessible name, e.g. 删除当事人 2. */
  removeLabel: string;
  /** Without it there is no remove button (a locked or read-only case). */
  editable: boolean;
  /** The item's current values: removing one that holds input asks first (confirmRemove). */
  values: () => unknown;
  onRemove: () => void;
  /** Badges shown after the title. */
  children?: ReactNode;
}

/** The head of a case list item's card: title, badges and the remove button. */
export function ItemCardHead({ title, removeLabel, editable, values, onRemove, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="item-card-head">
      <span className="strong">{title}</span>
      {children}
      {editable ? (
        <button
          type="button"
          className="btn btn-small btn-ghost item-remove"
          aria-label={removeLabel}
          onClick={() => void confirmRemove(title, values()).then((yes) => yes && onRemove())}
        >
          {t('cases.remove')}
        </button>
      ) : null}
    </div>
  );
}
