/** `POST /media` with upload progress (fetch has none): the server answers the photo's id. */
export interface UploadedPhoto {
  id: string;
  feedUrl: string;
}

export function uploadPhoto(file: File, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/media');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { id?: string; feedUrl?: string; error?: { message: string } };
        if (xhr.status === 201 && body.id && body.feedUrl) resolve({ id: body.id, feedUrl: body.feedUrl });
        else reject(new Error(body.error?.message ?? `HTTP ${xhr.status}`));
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
