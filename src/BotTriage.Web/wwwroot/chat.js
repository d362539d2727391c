// The chat page: fetches a visitor token from this site, connects Web Chat to the built-in Direct Line and asks the
// bot for its welcome. Settings come from data- attributes on #webchat; nothing runs inline.
(function () {
  'use strict';

  var root = document.getElementById('webchat');
  var locale = root.getAttribute('data-locale') || 'nl-NL';
  var primary = root.getAttribute('data-primary');
  var accent = root.getAttribute('data-accent');

  function fail() {
    root.textContent = '';
    var message = document.createElement('p');
    message.className = 'loading';
    message.setAttribute('role', 'alert');
    message.textContent = root.getAttribute('data-failed');
    root.appendChild(message);
  }

  function start(session) {
    var directLine = window.WebChat.createDirectLine({
      domain: window.location.origin + '/v3/directline',
      token: session.token,
      conversationStartProperties: { locale: locale }
    });

    // The welcome pattern of Web Chat's docs: once connected, tell the bot the visitor joined.
    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: locale } } });
          }
          return next(action);
        };
      };
    });

    root.textContent = '';
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      userID: session.userId,
      locale: locale,
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: root.getAttribute('data-placeholder') },
      styleOptions: {
        accent: accent,
        bubbleFromUserBackground: primary,
        bubbleFromUserTextColor: '#ffffff',
        bubbleFromUserBorderRadius: 12,
        bubbleBorderRadius: 12,
        suggestedActionLayout: 'flow',
        suggestedActionBackgroundColor: '#ffffff',
        suggestedActionBorderColor: accent,
        suggestedActionTextColor: accent,
        suggestedActionBorderRadius: 16,
        hideUploadButton: true,
        sendTypingIndicator: false,
        botAvatarInitials: '',
        userAvatarInitials: ''
      }
    }, root);
    var input = root.querySelector('input[type="text"], textarea');
    if (input) {
      input.focus();
    }
  }

  if (!window.WebChat) {
    fail();
    return;
  }

  fetch('/api/chat/token', { method: 'POST', credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('token ' + response.status);
      }
      return response.json();
    })
    .then(start)
    .catch(fail);
})();
