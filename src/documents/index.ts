/**
 * The documents users expect (MSZ §3, §4, Fig. 1) as pure renderers: a plain view model in,
 * bytes or a string out. No database, no clock (the date is in the model), deterministic output.
 */
export { paymentCurveSvg, PAYMENT_CURVE_TITLE, type PaymentCurveChartModel } from './payment-curve-chart.js';
export { proposalLetterPdf, proposalReference, proposalSubject, type ProposalLetterModel } from './proposal-letter.js';
export { priceListCsv, priceListXlsx, PRICE_LIST_COLUMNS, type PriceListModel } from './price-list.js';
export { settlementJson, settlementPdf, settlementReference, type SettlementStatement, type SettlementStatementModel, type SettlementSummaryLine } from './settlement-statement.js';
export type { Addressee, PdfRenderOptions } from './pdf-document.js';
export { extractPdfText, pdfPageCount } from './pdf-inspect.js';
