/** The contracting year (MSZ §5, §7): deadlines from the policy calendar, the state machine, the calendar view, notices. */
export * from './deadlines.js';
export * from './contract-types.js';
export * from './state-machine.js';
export * from './sweep.js';
export * from './calendar.js';
export * from './notices.js';
