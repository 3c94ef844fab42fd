// A minimal Node `events` for the libraries bundled into the sandbox (xml2js extends
// EventEmitter). Bundled in place of the Node built-in by scripts/build-sandbox.mjs.
'use strict';

function EventEmitter() {
  if (!Object.prototype.hasOwnProperty.call(this, '_events')) {
    Object.defineProperty(this, '_events', { value: Object.create(null), writable: true, configurable: true });
  }
}

function listeners(self) {
  if (!Object.prototype.hasOwnProperty.call(self, '_events')) EventEmitter.call(self);
  return self._events;
}

EventEmitter.prototype.on = function on(name, fn) {
  const all = listeners(this);
  (all[name] || (all[name] = [])).push(fn);
  return this;
};
EventEmitter.prototype.addListener = EventEmitter.prototype.on;
EventEmitter.prototype.prependListener = function prependListener(name, fn) {
  const all = listeners(this);
  (all[name] || (all[name] = [])).unshift(fn);
  return this;
};
EventEmitter.prototype.once = function once(name, fn) {
  const wrapper = function (...args) {
    this.removeListener(name, wrapper);
    return fn.apply(this, args);
  };
  wrapper.listener = fn;
  return this.on(name, wrapper);
};
EventEmitter.prototype.removeListener = function removeListener(name, fn) {
  const list = listeners(this)[name];
  if (!list) return this;
  const i = list.findIndex((l) => l === fn || l.listener === fn);
  if (i > -1) list.splice(i, 1);
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;
EventEmitter.prototype.removeAllListeners = function removeAllListeners(name) {
  const all = listeners(this);
  if (name === undefined) for (const k of Object.keys(all)) delete all[k];
  else delete all[name];
  return this;
};
EventEmitter.prototype.emit = function emit(name, ...args) {
  const list = listeners(this)[name];
  if (!list || list.length === 0) {
    if (name === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
    return false;
  }
  for (const fn of list.slice()) fn.apply(this, args);
  return true;
};
EventEmitter.prototype.listeners = function (name) {
  return (listeners(this)[name] || []).slice();
};
EventEmitter.prototype.listenerCount = function (name) {
  return (listeners(this)[name] || []).length;
};
EventEmitter.prototype.setMaxListeners = function () {
  return this;
};
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;

module.exports = EventEmitter;
