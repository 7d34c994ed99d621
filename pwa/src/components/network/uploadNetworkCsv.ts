/** `POST /network/import` with upload progress: the file as the body; the server answers the import's id. */
export const CSV_MAX_BYTES = 20 * 1024 * 1024;

export function uploadNetworkCsv(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/network/import?filename=${encodeURIComponent(file.name.slice(0, 200))}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { id?: string; error?: { message: string } };
        if (xhr.status === 201 && body.id) resolve(body.id);
        else reject(new Error(body.error?.message ?? `HTTP ${xhr.status}`));
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}
