/** Where the spreadsheet import lives: three segments, so it never matches '/plans/:id'. Kept apart so linking to it does not load the wizard. */
export const PLAN_SHEET_IMPORT_PATH = '/plans/import/spreadsheet';
