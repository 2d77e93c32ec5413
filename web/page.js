// convt in the browser: the wiring between the page's controls and convt's engine (convt-web.js,
// web/web_page.h). Every word, number, formula and figure comes from the engine; this script
// only reads the controls and the address, hands them to the engine, and puts its answer on
// the page: the derivation, or the engine's message beside the control it names.
'use strict';

(function () {
  const form = document.getElementById('controls');
  const derivation = document.getElementById('derivation');
  const choices = document.getElementById('stage-choices');
  let engine = null;
  let timer = 0;

  /// The controls as typed: name -> text; the ticked stages as one comma-separated list.
  function state(stages) {
    const result = {};
    for (const control of form.elements) {
      if (control.name && control.type !== 'checkbox' && control.tagName !== 'FIELDSET')
        result[control.name] = control.value;
    }
    result.stages = stages !== undefined ? stages
      : Array.from(choices.querySelectorAll('input:checked'), box => box.value).join(',');
    return result;
  }

  /// Sets the controls from the address (index.html?k=3&s=2); returns its stages, if any.
  function readAddress() {
    const query = new URLSearchParams(window.location.search);
    for (const [key, value] of query) {
      const control = form.elements.namedItem(key);
      if (control && control.tagName !== 'FIELDSET' && key !== 'stages') control.value = value;
    }
    return query.get('stages') || '';
  }

  /// Writes the controls into the address, so that a copied link opens this very case.
  function writeAddress(current) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(current)) if (value !== '') query.set(key, value);
    const search = '?' + query.toString().replace(/%2C/g, ',');
    try {
      window.history.replaceState(null, '', search);
    } catch (e) {
      // Some browsers refuse to change the address of a page opened from disk: keep it as is.
    }
  }

  /// One tick box per stage the engine names, ticked when `ticked` (comma-separated) has it.
  function makeStageChoices(names, ticked) {
    const wanted = ticked.split(',');
    for (const name of names) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'stages';
      box.value = name;
      box.id = 'stage-' + name;
      box.defaultChecked = wanted.includes(name);
      label.append(box, ' ' + name);
      choices.append(label);
    }
  }

  /// Puts the engine's answer on the page.
  function show(answer) {
    document.documentElement.lang = answer.lang;
    document.title = answer.words.title;
    for (const element of document.querySelectorAll('[data-word]'))
      element.textContent = answer.words[element.dataset.word];
    for (const error of form.querySelectorAll('.error')) error.textContent = '';
    for (const control of form.querySelectorAll('[aria-invalid]'))
      control.removeAttribute('aria-invalid');
    if (answer.ok) {
      derivation.innerHTML = answer.html;
      return;
    }
    // Never a stale figure: the derivation gives way to the message, which also stands beside
    // the control it names.
    const message = document.createElement('p');
    message.className = 'failure';
    message.textContent = answer.error.message;
    derivation.replaceChildren(message);
    const beside = answer.error.control && document.getElementById(answer.error.control + '-error');
    if (beside) {
      beside.textContent = answer.error.message;
      document.getElementById(answer.error.control).setAttribute('aria-invalid', 'true');
    }
  }

  function update(stages) {
    const current = state(stages);
    const answer = JSON.parse(engine.render_page(JSON.stringify(current)));
    if (!choices.firstChild) makeStageChoices(answer.stage_names, current.stages);
    show(answer);
    writeAddress(current);
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => update(), 120);
  }

  form.addEventListener('submit', event => event.preventDefault());
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);

  const stages = readAddress();
  try {
    // Compiled synchronously (web/CMakeLists.txt): the engine is ready when ConvtWeb returns.
    engine = window.ConvtWeb();
    update(stages);
    document.body.dataset.ready = 'true';
  } catch (failure) {
    const message = document.createElement('p');
    message.className = 'failure';
    message.textContent = String(failure);
    derivation.replaceChildren(message);
  }
})();
