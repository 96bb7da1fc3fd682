'use strict';

const $ = (id) => document.getElementById(id);

const state = { clients: [], faults: [], sessionId: null, busy: false };

/** How the page names each provider. */
const PROVIDERS = {
  linkai: 'LinkAI',
  jijyun: 'Jijyun (语聚AI)',
  lingma: 'Yunxiao Lingma',
  openai: 'an OpenAI-compatible API',
};

/** How often the status panel refreshes on its own (it also refreshes after each answer). */
const STATUS_INTERVAL_MS = 10000;

document.addEventListener('DOMContentLoaded', async () => {
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  $('message').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
  $('client').addEventListener('change', () => {
    newSession();
    showClient();
  });
  $('memory').addEventListener('change', newSession);
  $('new-session').addEventListener('click', () => {
    newSession();
    $('transcript').replaceChildren();
    $('message').focus();
  });
  try {
    const [clients, faults] = await Promise.all([getJson('api/clients'), getJson('api/faults')]);
    state.clients = clients;
    state.faults = faults;
    for (const client of clients) {
      $('client').append(new Option(`${client.name} (${client.provider})`, client.name));
    }
    for (const fault of faults) {
      $('fault').append(new Option(fault.label, fault.marker));
    }
    $('fault-option').hidden = faults.length === 0;
    $('mode').textContent = faults.length > 0
      ? 'Running on the built-in provider stub: canned answers, no key, no network.'
      : 'Talking to the real providers.';
    showClient();
    $('message').focus();
  } catch (error) {
    addError(null, error);
  }
  refreshStatus();
  setInterval(refreshStatus, STATUS_INTERVAL_MS);
});

function currentClient() {
  return state.clients.find((client) => client.name === $('client').value);
}

function usesMemory() {
  const client = currentClient();
  return Boolean(client && client.memory && $('memory').checked);
}

function showClient() {
  const client = currentClient();
  if (!client) {
    return;
  }
  $('target').textContent = describe(client);
  $('memory-option').hidden = !client.memory;
  $('session').closest('p').hidden = !usesMemory();
  $('tools').hidden = !(client.tools && !usesMemory());
}

/** Where a client's questions go, in words: the provider, the stub or the host, and what else selects the target. */
function describe(client) {
  const provider = PROVIDERS[client.provider] ?? client.provider;
  const local = ['127.0.0.1', 'localhost', '::1'].includes(client.host);
  const where = local && state.faults.length > 0 ? "the built-in stub on this machine, which answers as " + provider
    : `${provider} at ${client.host}`;
  // the starter's description says what selects the target: an app code, an organization, or that none is set
  let detail = client.description ?? '';
  if (detail === 'no app code') {
    detail = "the key's own app (no app code set)";
  }
  return `Asks ${where}${detail ? `, ${detail}` : ''}.`;
}

function newSession() {
  state.sessionId = null;
  $('session').textContent = 'none yet';
  $('session').closest('p').hidden = !usesMemory();
  showClient();
}

async function send() {
  const message = $('message').value.trim();
  if (!message || state.busy) {
    return;
  }
  state.busy = true;
  $('send').disabled = true;
  $('message').value = '';
  // a fault applies to this message only: the menu goes back to none, and the marker stays out of the bubble
  const fault = $('fault').value;
  const faultLabel = $('fault').selectedOptions[0]?.textContent;
  $('fault').value = '';
  const question = addMessage('user', message);
  if (fault) {
    const tag = document.createElement('span');
    tag.className = 'fault-tag';
    tag.textContent = `fault: ${faultLabel}`;
    question.append(tag);
  }
  const answer = addMessage('assistant', '');
  answer.classList.add('streaming');
  const client = currentClient();
  servedBy(answer, client.name);
  const params = new URLSearchParams({ client: $('client').value, message: fault ? `${message} ${fault}` : message });
  const memory = usesMemory();
  if (memory) {
    params.set('memory', 'true');
    if (state.sessionId) {
      params.set('sessionId', state.sessionId);
    }
  }
  const started = performance.now();
  let firstChunk = null;
  let finished = false;
  const steps = new Steps(answer);
  try {
    // No Accept: text/event-stream: a request refused before its stream begins would get its problem JSON
    // written as an event too; with the default */* it comes as application/problem+json.
    const response = await fetch(`api/chat/stream?${params}`);
    if (!response.ok) {
      throw await problemOf(response);
    }
    // what an event adds to the answer (its thinking, tool calls, text, sources, usage)
    const show = (event) => {
      if (event.event === 'tool-result') {
        steps.toolResult(JSON.parse(event.data));
        return;
      }
      const chunk = JSON.parse(event.data);
      firstChunk ??= performance.now();
      if (chunk.client && chunk.client !== client.name) {
        servedBy(answer, chunk.client, client.name); // a fallback chain's next client answered
      }
      if (chunk.reasoningDelta) {
        steps.reasoning(chunk.reasoningDelta);
      }
      for (const fragment of chunk.toolCalls ?? []) {
        steps.toolCall(fragment);
      }
      if (chunk.delta) {
        steps.textStarted();
        // a text node per piece: the answer so far is never copied
        answer.querySelector('.text').append(chunk.delta);
      }
      if (memory && chunk.sessionId && !state.sessionId) {
        state.sessionId = chunk.sessionId;
        $('session').textContent = chunk.sessionId;
      }
      if (chunk.sources && chunk.sources.length > 0) {
        addSources(answer, chunk.sources);
      }
      if (chunk.usage || chunk.cost != null) {
        addUsage(answer, chunk.usage, chunk.cost);
      }
    };
    for await (const event of serverSentEvents(response.body)) {
      if (event.event === 'error') {
        throw JSON.parse(event.data);
      }
      if (event.event === 'done') {
        finished = true;
        continue;
      }
      keepInView(() => show(event));
    }
    if (!finished) {
      throw { title: 'Answer cut short', detail: 'The connection closed before the answer was complete.' };
    }
    keepInView(() => {
      steps.done();
      addTiming(answer, started, firstChunk);
    });
    answer.classList.add('done');
  } catch (error) {
    keepInView(() => addError(answer, error));
  } finally {
    answer.classList.remove('streaming');
    state.busy = false;
    $('send').disabled = false;
    $('message').focus();
    refreshStatus();
  }
}

/** Labels an answer with the client that served it, and the one asked when a fallback answered instead. */
function servedBy(answer, name, asked) {
  let label = answer.querySelector('.served-by');
  if (!label) {
    label = document.createElement('p');
    label.className = 'served-by';
    answer.prepend(label);
  }
  const client = state.clients.find((candidate) => candidate.name === name);
  const provider = client ? ` · ${PROVIDERS[client.provider] ?? client.provider}` : '';
  label.textContent = `${name}${provider}${asked ? ` (fallback for ${asked})` : ''}`;
}

/**
 * Runs a change to the transcript and keeps its end in view while an answer grows, unless the reader scrolled up to
 * read something earlier.
 */
function keepInView(change) {
  const transcript = $('transcript');
  const atEnd = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 48;
  change();
  if (atEnd) {
    transcript.scrollTop = transcript.scrollHeight;
  }
}

/** The status panel: each client's health (from /actuator/health) and its figures (from its meters). */
async function refreshStatus() {
  try {
    const [figures, health] = await Promise.all([getJson('api/status'), healthOf()]);
    const entries = figures.map((client) => statusEntry(client, health[client.name]));
    $('status').replaceChildren(...entries);
  } catch {
    // the panel keeps what it showed last; a chat answer reports its own errors
  }
}

/** The linkai health component's entries by client name; a DOWN application still answers with its JSON. */
async function healthOf() {
  const response = await fetch('actuator/health', { headers: { Accept: 'application/json' } });
  const body = await response.json();
  return body.components?.linkai?.components ?? {};
}

function statusEntry(figures, health) {
  const entry = document.createElement('li');
  entry.dataset.client = figures.name;
  const name = document.createElement('span');
  name.className = 'client-name';
  name.textContent = figures.name;
  const status = health?.status ?? 'UNKNOWN';
  const state = document.createElement('span');
  state.className = `health ${status === 'UP' ? 'up' : status === 'UNKNOWN' ? 'unknown' : 'down'}`;
  state.textContent = status.toLowerCase().replaceAll('_', ' ');
  const line = document.createElement('span');
  line.className = 'figures';
  const parts = [`${figures.calls} call${figures.calls === 1 ? '' : 's'}`];
  if (figures.failures > 0) parts.push(`${figures.failures} failed`);
  if (figures.retries > 0) parts.push(`${figures.retries} retried`);
  if (figures.firstChunkMillis != null) parts.push(`first chunk ${figures.firstChunkMillis} ms`);
  if (figures.inputTokens + figures.outputTokens > 0) {
    parts.push(`${figures.inputTokens} in / ${figures.outputTokens} out tokens`);
  }
  if (figures.cost != null) parts.push(`cost ${figures.cost}`);
  const budget = health?.details?.budget;
  if (budget && budget.limit != null && budget.remaining != null) {
    // a cost budget counts in millionths of the price table's currency
    const scale = budget.unit === 'micros' ? 1e6 : 1;
    const unit = budget.unit === 'micros' ? '' : ' tokens';
    const used = (budget.limit - budget.remaining) / scale;
    parts.push(`budget: ${used} of ${budget.limit / scale}${unit} used${budget.period ? ` (${budget.period})` : ''}`);
  }
  const breaker = health?.details?.breaker;
  if (breaker && (breaker.state ?? breaker) !== 'CLOSED') {
    parts.push(`breaker ${String(breaker.state ?? breaker).toLowerCase().replaceAll('_', ' ')}`);
  }
  line.textContent = parts.join(' · ');
  entry.append(name, ' ', state, line);
  return entry;
}

/**
 * What the model does before it answers, shown above the answer's text as it streams: its reasoning in a collapsible
 * "thinking" block per round (open while it thinks), and each tool call as soon as its name arrives, its arguments
 * as they come, then the tool's result. A round ends when the tools' results arrive; the next one starts a new block.
 */
class Steps {

  constructor(answer) {
    this.answer = answer;
    this.container = null;
    this.thinking = null;
    this.calls = new Map();
    this.lastIndex = null;
  }

  box() {
    if (!this.container) {
      this.container = document.createElement('div');
      this.container.className = 'steps';
      this.answer.insertBefore(this.container, this.answer.querySelector('.text'));
    }
    return this.container;
  }

  reasoning(piece) {
    if (!this.thinking) {
      this.thinking = document.createElement('details');
      this.thinking.className = 'thinking';
      this.thinking.open = true;
      const summary = document.createElement('summary');
      summary.textContent = 'Thinking';
      const text = document.createElement('div');
      text.className = 'reasoning';
      this.thinking.append(summary, text);
      this.box().append(this.thinking);
    }
    this.thinking.querySelector('.reasoning').append(piece);
  }

  textStarted() {
    if (this.thinking) {
      this.thinking.open = false;
    }
  }

  /** One fragment of a call: the first names the tool (and its id), the later ones bring argument pieces. */
  toolCall(fragment) {
    const index = fragment.index ?? this.lastIndex ?? 0;
    this.lastIndex = index;
    let call = this.calls.get(index);
    if (!call || (fragment.id && call.dataset.id && fragment.id !== call.dataset.id)) {
      call = document.createElement('div');
      call.className = 'tool-call';
      const name = document.createElement('span');
      name.className = 'tool-name';
      const args = document.createElement('code');
      args.className = 'tool-arguments';
      const result = document.createElement('span');
      result.className = 'tool-result';
      call.append('🔧 ', name, args, result);
      this.calls.set(index, call);
      this.box().append(call);
    }
    if (fragment.id && !call.dataset.id) {
      call.dataset.id = fragment.id;
    }
    if (fragment.name && !call.querySelector('.tool-name').textContent) {
      call.querySelector('.tool-name').textContent = fragment.name;
    }
    if (fragment.arguments) {
      call.querySelector('.tool-arguments').append(fragment.arguments);
    }
    this.textStarted();
  }

  /** A tool's result: on its call's line (by id, else the first without one); then a new round begins. */
  toolResult(event) {
    const calls = [...this.calls.values()];
    const call = calls.find((candidate) => candidate.dataset.id === event.id)
      ?? calls.find((candidate) => !candidate.classList.contains('ran'));
    if (call) {
      call.classList.add('ran');
      call.querySelector('.tool-result').textContent = ` → ${event.result}`;
    }
    if (calls.every((candidate) => candidate.classList.contains('ran'))) {
      this.thinking = null;
      this.calls = new Map();
      this.lastIndex = null;
    }
  }

  done() {
    this.textStarted();
  }

}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.json();
}

/** The RFC 9457 problem a failed request answered with, or what is known of it when its body is not one. */
async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { status: response.status, title: response.statusText || 'Request failed' };
  }
}

/**
 * The events of a text/event-stream body. EventSource is not used: it cannot read the problem JSON of a request
 * that failed before its stream began, and it reconnects, asking the question again, when a stream fails.
 */
async function* serverSentEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const event = { event: 'message', data: [] };
      for (const line of block.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon === 0) {
          continue;
        }
        const field = colon < 0 ? line : line.slice(0, colon);
        const fieldValue = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') {
          event.data.push(fieldValue);
        } else if (field === 'event') {
          event.event = fieldValue;
        }
      }
      if (event.data.length > 0) {
        yield { event: event.event, data: event.data.join('\n') };
      }
    }
  }
}

function addMessage(role, text) {
  const item = document.createElement('li');
  item.className = role;
  const bubble = document.createElement('div');
  bubble.className = 'text';
  bubble.textContent = text;
  item.append(bubble);
  $('transcript').append(item);
  $('transcript').scrollTop = $('transcript').scrollHeight;
  return item;
}

function addSources(answer, sources) {
  const block = document.createElement('div');
  block.className = 'sources';
  const heading = document.createElement('p');
  heading.textContent = 'Sources';
  const list = document.createElement('ol');
  for (const source of sources) {
    const entry = document.createElement('li');
    const link = document.createElement('a');
    link.textContent = plainText(source.title) || source.link || 'source';
    if (/^https?:\/\//i.test(source.link ?? '')) {
      link.href = source.link;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
    entry.append(link);
    if (source.snippet) {
      const snippet = document.createElement('span');
      snippet.textContent = ` ${plainText(source.snippet)}`;
      entry.append(snippet);
    }
    list.append(entry);
  }
  block.append(heading, list);
  answer.append(block);
}

/** The text of a provider's HTML fragment (search results carry <b> emphasis): shown as text, never as markup. */
function plainText(html) {
  return html ? new DOMParser().parseFromString(html, 'text/html').body.textContent : '';
}

function addUsage(answer, usage, cost) {
  const parts = [];
  if (usage) {
    if (usage.inputTokens != null) parts.push(`${usage.inputTokens} in`);
    if (usage.outputTokens != null) parts.push(`${usage.outputTokens} out`);
    if (usage.totalTokens != null) parts.push(`${usage.totalTokens} tokens`);
  }
  if (cost != null) {
    parts.push(`cost ${cost}`);
  }
  meta(answer, 'usage').textContent = parts.join(' · ');
}

function addTiming(answer, started, firstChunk) {
  const now = performance.now();
  const timing = [`${((now - started) / 1000).toFixed(1)} s`];
  if (firstChunk != null) {
    timing.push(`first token after ${Math.round(firstChunk - started)} ms`);
  }
  meta(answer, 'timing').textContent = timing.join(' · ');
}

function meta(answer, kind) {
  let line = answer.querySelector(`.meta.${kind}`);
  if (!line) {
    line = document.createElement('p');
    line.className = `meta ${kind}`;
    answer.append(line);
  }
  return line;
}

function addError(answer, error) {
  const box = document.createElement('div');
  box.className = 'error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  const status = error.status ? `${error.status} ` : '';
  title.textContent = status + (error.title || error.name || 'Error');
  box.append(title);
  const detail = error.detail || error.message;
  if (detail) {
    box.append(document.createTextNode(` — ${detail}`));
  }
  (answer ?? $('transcript')).append(box);
}
