// The fan picture (fan/markup.ts) as PNG: drawn on a canvas. Fonts are the system stack the
// app uses; nothing is embedded.
import type { FanPicture } from '../fan/markup';

export type { FanPicture };

/** Draw the picture on a canvas at `scale` (2 = crisp on slides and in Word) and encode it as PNG. */
export async function pictureToPng(picture: FanPicture, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Canvas 2D is not available');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
