/**
 * What the safety code needs of whatever holds the open workbook: read it, swap it after a
 * restore, close it. WorkbookSession (core/api) has this shape; safety sits below the API, so it
 * names the shape here instead of importing the API (issue #12: no import goes upwards).
 */
import type { Workbook } from '../../../db/open-workbook';

export interface WorkbookHolder {
  readonly workbook: Workbook | null;
  /** Makes `workbook` the open one, closing any other. */
  use(workbook: Workbook): void;
  close(): void;
}
