// Sizes each specplay frame to the height it reports, and shows a host command.
window.addEventListener('message', (e) => {
  if (e.data?.type !== 'specplay:height' || typeof e.data.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === e.source) frame.style.height = `${Math.min(4000, e.data.height + 4)}px`;
  }
});
document.getElementById('play-strong')?.addEventListener('click', () => {
  document.getElementById('frame-strong')?.contentWindow?.postMessage({ type: 'specplay:play' }, '*');
});
