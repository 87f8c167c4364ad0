/**
 * A canvas to sign on with a mouse, a pen or a finger (pointer events; every line the same
 * width, pressure is ignored). The strokes are the parent's state (padModel.ts); this draws
 * them and adds the one being drawn. touch-action is off so a finger signs instead of
 * scrolling the page.
 */
import { useEffect, useLayoutEffect, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { extend, INK_WIDTH, isBlank, withoutLast, type Point, type Stroke } from './padModel';

const HEIGHT = 220;

function draw(canvas: HTMLCanvasElement, strokes: readonly Stroke[]): void {
  const ratio = window.devicePixelRatio || 1;
  const { width, height } = canvas.getBoundingClientRect();
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = '#000';
  ctx.fillStyle = '#000';
  ctx.lineWidth = INK_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    if (rest.length === 0) {
      ctx.beginPath();
      ctx.arc(first.x, first.y, INK_WIDTH / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(first.x, first.y);
    for (const p of rest) ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }
}

/** A pointer position in the pad's own coordinates (CSS pixels from its top left corner). */
const pointIn = (rect: DOMRect, e: { clientX: number; clientY: number }): Point => ({
  x: Math.round((e.clientX - rect.left) * 10) / 10,
  y: Math.round((e.clientY - rect.top) * 10) / 10,
});

export function SignaturePad({
  strokes,
  onStrokes,
  disabled,
}: {
  strokes: readonly Stroke[];
  onStrokes: (next: Stroke[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<number | null>(null);
  // Pointer events arrive faster than React renders: work on the latest strokes, not the prop.
  const current = useRef<Stroke[]>([...strokes]);

  useLayoutEffect(() => {
    current.current = [...strokes];
  }, [strokes]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    draw(canvas, strokes);
    const onResize = () => draw(canvas, current.current);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [strokes]);

  const update = (next: Stroke[]) => {
    current.current = next;
    onStrokes(next);
  };

  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (disabled || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = e.pointerId;
    update(extend([...current.current, []], pointIn(e.currentTarget.getBoundingClientRect(), e)));
  };

  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== e.pointerId) return;
    e.preventDefault();
    // Points the browser merged into this event (fast pens), so curves stay smooth.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    let next = current.current;
    const rect = e.currentTarget.getBoundingClientRect();
    for (const ev of events.length > 0 ? events : [e.nativeEvent]) {
      next = extend(next, pointIn(rect, ev));
    }
    update(next);
  };

  const onUp = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== e.pointerId) return;
    drawing.current = null;
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvasRef}
        className="signature-canvas"
        style={{ height: HEIGHT }}
        role="img"
        aria-label={t('signatures.padLabel')}
        data-blank={isBlank(strokes) ? 'true' : 'false'}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
      />
      {isBlank(strokes) ? (
        <span className="signature-pad-hint" aria-hidden="true">
          {t('signatures.padHint')}
        </span>
      ) : null}
      <div className="signature-pad-tools">
        <button
          type="button"
          className="btn btn-small btn-ghost"
          disabled={disabled || strokes.length === 0}
          onClick={() => update(withoutLast(current.current))}
        >
          {t('signatures.undo')}
        </button>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          disabled={disabled || strokes.length === 0}
          onClick={() => update([])}
        >
          {t('signatures.clear')}
        </button>
      </div>
    </div>
  );
}
