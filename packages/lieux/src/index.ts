export { detectDelimiter, formatCsvLine, parseCsv } from './csv.js'
export type { CsvParseResult, CsvRecord } from './csv.js'
export { decodeText } from './decode.js'
export type { DecodedText } from './decode.js'
export { formatDistance } from './distance.js'
export { isLieuField, LIST_SEPARATOR, lieuFields, listLieuFields, requiredLieuFields } from './fields.js'
export type { LieuField, ListLieuField } from './fields.js'
export {
  INSEE_CODE_PATTERN,
  isIsoDate,
  LieuSchema,
  PHONE_PATTERN,
  PIVOT_PATTERN,
  POSTCODE_PATTERN,
} from './lieu-schema.js'
export type { Lieu } from './lieu-schema.js'
export {
  checkHoraires,
  describeOpening,
  describeOpeningStatus,
  formatFrenchTime,
  formatWhen,
  frenchWeekdays,
  isOpenAt,
  isOpenOnDay,
  nextClosing,
  nextOpening,
  openingStateAt,
  openingStatus,
  suspiciousHoraires,
  weeklyTimetable,
} from './opening-hours.js'
export type {
  DayTimetable,
  FrenchWeekday,
  HorairesCheck,
  OpeningState,
  OpeningStatus,
  SuspiciousHoraires,
  SuspiciousHorairesCode,
  TimeSpan,
} from './opening-hours.js'
export { instantFromParisWallClock, nextParisWeekday, parisWallClock } from './paris-time.js'
export type { Clock, WallClock } from './paris-time.js'
export { formatPhone, phoneHref, toE164 } from './phone.js'
export { hasValidSiretChecksum, PLACEHOLDER_PIVOT, pivotKind } from './pivot.js'
export { readLieux } from './read.js'
export type {
  LieuxFileReport,
  LieuxFormat,
  ReadLieuxOptions,
  ReadLieuxResult,
  SchemaVersion,
  UnusableFile,
} from './read.js'
export { plainCriterion, plainLabel, plainLabelFields } from './plain-labels.js'
export type { PlainLabelField, PlainLanguage } from './plain-labels.js'
export { toCsv, toCsvChunks, toJson, toStandardRecord } from './serialise.js'
export { closestValue, foldText } from './text.js'
export {
  accessConditionsV0ToV1,
  convertV0Row,
  lieuFieldsV0,
  nationalLabelsV0ToV1,
  publicsV0ToV1,
  servicesV0ToV1,
  supportModesV0ToV1,
} from './v0.js'
export type { ConversionNote, V0Conversion } from './v0.js'
export { errorCodes, lieuWarnings, validateLieux, validateRows, warningCodes } from './validate.js'
export type {
  AcceptedRow,
  ErrorCode,
  LieuxReport,
  NextRow,
  RawRow,
  RejectedRow,
  RowIssue,
  ValidateOptions,
  WarningCode,
} from './validate.js'
export {
  AccessMode,
  Fee,
  Itinerance,
  NationalProgramme,
  normaliseVocabularyValue,
  Service,
  SpecificSupport,
  SupportMode,
  TargetPublic,
  TrainingLabel,
  Typologie,
  vocabularies,
} from './vocabularies.js'
export type {
  AccessMode as AccessModeValue,
  Fee as FeeValue,
  Itinerance as ItineranceValue,
  NationalProgramme as NationalProgrammeValue,
  Service as ServiceValue,
  SpecificSupport as SpecificSupportValue,
  SupportMode as SupportModeValue,
  TargetPublic as TargetPublicValue,
  TrainingLabel as TrainingLabelValue,
  TypologieCode,
  VocabularyField,
} from './vocabularies.js'
export { dataAgeDays, staleAfterDays } from './freshness.js'
export { addressKey, mergeDuplicates, similarNames } from './merge.js'
export type { LieuMerge, MergeResult, MergeRule } from './merge.js'
export { freshForDays, lieuQuality, toCheckBelow, worthlessAfterDays } from './quality.js'
export type { LieuQuality } from './quality.js'
export { officialChecker, officialSchemaV1, tableSchemaChecker } from './table-schema.js'
export type {
  OfficialHeaderIssue,
  OfficialIssue,
  OfficialIssueCode,
  TableSchema,
  TableSchemaChecker,
  TableSchemaField,
} from './table-schema.js'
export { directionsLink, mailtoLink, mapLink, webAddress, webLink } from './links.js'
export { emailText, gsm7Length, isGsm7, lieuPageLink, maxSmsLength, shareMailto, smsText, toGsm7 } from './share.js'
export type { ShareParts } from './share.js'
export { addressLine, lieuShare, openingLine, shareParts } from './share-lieu.js'
export type { LieuShare } from './share-lieu.js'
