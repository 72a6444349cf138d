/**
 * Use cases: attachments of an authorisation request (photos and records, MSZ Bijlage 1 art. 6
 * item 21). The provider user adds them to its own open request (for instance with its answer to a
 * question); both sides download them. A download is a read of patient data: audited.
 */
import { checkAttachment, OPEN_STATUSES, type MediaType } from '../../domain/authorisations/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import { providerAccess } from '../access.js';
import { auditHidden } from './queries.js';
import type { UploadedFile } from './submit.js';
import { isInsurer, OBJECT_TYPE, parseAuthorisationId, PURPOSE, who, type AuthorisationDeps } from './settings.js';
import { attachmentContent, findAuthorisation, insertAttachment, insertEvent } from './store.js';
import type { AttachmentView } from './view.js';

export async function addAttachment(deps: AuthorisationDeps, agbInput: string, idInput: unknown, file: UploadedFile): Promise<Result<AttachmentView>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  const agb = await providerAccess(deps, agbInput, 'authorisation.attachment.add', 'agb');
  if (!agb.ok) return agb;
  if (deps.actor.role !== 'provider') return fail('forbidden', 'Alleen de zorgaanbieder zelf voegt bijlagen toe.');
  const id = parseAuthorisationId(idInput);
  if (!id.ok) return id;
  const checked = checkAttachment(file);
  if (!checked.ok) return checked;
  return withActor(deps.db, deps.actor, async (tx) => {
    const row = await findAuthorisation(tx, id.value, { lock: true });
    if (!row || row.agb !== agb.value) {
      await auditHidden(tx, deps.actor, 'authorisation.attachment.add', id.value, 'C');
      return fail('not_found', `Machtigingsaanvraag ${id.value} niet gevonden.`);
    }
    if (!OPEN_STATUSES.includes(row.status)) return fail('conflict', 'Bij een afgehandelde aanvraag kunnen geen bijlagen meer worden gevoegd.');
    const meta = await insertAttachment(tx, {
      authorisationId: row.id, agb: row.agb, attachment: { kind: checked.value.kind, fileName: checked.value.fileName, mediaType: checked.value.mediaType, bytes: file.bytes }, by: who(deps.actor), at: deps.now,
    });
    await insertEvent(tx, { authorisationId: row.id, agb: row.agb, event: 'attachment-added', actor: deps.actor, at: deps.now, details: { attachment_id: meta.id, kind: meta.kind, file_name: meta.file_name, sha256: meta.sha256 } });
    await audit(tx, deps.actor, {
      event: 'authorisation.attachment.add', action: 'C', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: String(row.id), agb: row.agb,
      details: { attachment_id: meta.id, kind: meta.kind, size_bytes: meta.size_bytes, sha256: meta.sha256 },
    });
    return ok({ ...meta, uploaded_at: new Date(meta.uploaded_at).toISOString() });
  });
}

export interface AttachmentDownload {
  fileName: string;
  mediaType: MediaType;
  sha256: string;
  bytes: Buffer;
}

export async function readAttachment(deps: AuthorisationDeps, agbInput: string, idInput: unknown, attachmentInput: unknown): Promise<Result<AttachmentDownload>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  const agb = await providerAccess(deps, agbInput, 'authorisation.attachment.read', 'agb');
  if (!agb.ok) return agb;
  if (deps.actor.role !== 'provider' && !isInsurer(deps.actor)) {
    await withActor(deps.db, deps.actor, (tx) => audit(tx, deps.actor, { event: 'authorisation.attachment.read', action: 'R', outcome: 'denied', purpose: PURPOSE, objectType: OBJECT_TYPE, agb: agb.value }));
    return fail('forbidden', 'Alleen de zorgaanbieder zelf, medisch adviseurs en controllers zien bijlagen van machtigingsaanvragen.');
  }
  const id = parseAuthorisationId(idInput);
  if (!id.ok) return id;
  const attachmentId = parseAuthorisationId(attachmentInput, 'attachment');
  if (!attachmentId.ok) return attachmentId;
  return withActor(deps.db, deps.actor, async (tx) => {
    const file = await attachmentContent(tx, id.value, attachmentId.value);
    if (!file || (await findAuthorisation(tx, id.value))?.agb !== agb.value) {
      await auditHidden(tx, deps.actor, 'authorisation.attachment.read', id.value);
      return fail('not_found', `Bijlage ${attachmentId.value} van aanvraag ${id.value} niet gevonden.`);
    }
    await audit(tx, deps.actor, {
      event: 'authorisation.attachment.read', action: 'R', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: String(id.value), agb: agb.value,
      details: { attachment_id: file.id, kind: file.kind },
    });
    return ok({ fileName: file.file_name, mediaType: file.media_type as MediaType, sha256: file.sha256, bytes: Buffer.from(file.content) });
  });
}
