// BotTriage on a practice's own site: paste
//   <script src="https://bottriage.example.nl/embed.js" data-lang="nl" defer></script>
// and a chat button appears in the bottom right corner; it opens the chat page in a frame from BotTriage's origin.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script) {
    return;
  }

  var origin = new URL(script.src).origin;
  var lang = script.getAttribute('data-lang') === 'en' ? 'en' : 'nl';
  var label = script.getAttribute('data-label') || (lang === 'en' ? 'Where should I go? Chat' : 'Waar kan ik terecht? Chat');
  var color = /^#[0-9a-fA-F]{6}$/.test(script.getAttribute('data-color') || '') ? script.getAttribute('data-color') : '#2f6f62';

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.style.cssText = 'position:fixed;right:1rem;bottom:1rem;z-index:2147483000;padding:0.75rem 1.1rem;border:0;' +
    'border-radius:2rem;background:' + color + ';color:#fff;font:600 1rem system-ui,sans-serif;cursor:pointer;' +
    'box-shadow:0 2px 8px rgba(0,0,0,0.25)';

  var frame = null;
  button.addEventListener('click', function () {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = origin + '/chat?embed=1&lang=' + lang;
      frame.title = label;
      frame.style.cssText = 'position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(26rem,calc(100vw - 2rem));' +
        'height:min(40rem,calc(100vh - 6rem));border:0;border-radius:0.75rem;box-shadow:0 4px 20px rgba(0,0,0,0.3);background:#fff';
      document.body.appendChild(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
    button.setAttribute('aria-expanded', String(!frame.hidden));
  });

  document.body.appendChild(button);
})();
