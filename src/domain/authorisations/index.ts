/** Prior authorisations for oral and maxillofacial surgery (MSZ Bijlage 1 art. 6 items 13-23). */
export * from './requirement.js';
export * from './content.js';
export * from './clock.js';
export * from './consultation.js';
export * from './lifecycle.js';
