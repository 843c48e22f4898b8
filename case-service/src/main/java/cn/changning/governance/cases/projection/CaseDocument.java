package cn.changning.governance.cases.projection;

import cn.changning.governance.common.consuming.VersionedDocuments;

/**
 * The field names of the {@code cases} collection, one document per case, stated once: the
 * projection writes them ({@link CaseChanges}, {@link CaseProjection}), the queries read them
 * ({@link CaseQueries}) and the benchmark seeder writes documents of the same shape. A nested
 * class holds the fields of each sub-document; {@link #path} joins them into a dotted path for
 * filters.
 *
 * <p>Renaming a constant's value renames a stored field: existing documents would no longer
 * answer for it until the read model is rebuilt. {@code CaseProjectionIntegrationTest} pins the names.</p>
 */
public final class CaseDocument {

    public static final String COLLECTION = "cases";

    /** The case id. */
    public static final String ID = "_id";
    /** The sequence number of the last event applied: the version guard's field, and the case's ETag. */
    public static final String VERSION = VersionedDocuments.VERSION;
    /** When the projection last changed the document (the event's time). */
    public static final String UPDATED_AT = "updatedAt";

    // Where the case is in the loop.
    /** The {@code CaseStep} name. */
    public static final String STEP = "step";
    /** Whether the step is an open one (kept beside the step so queries can filter on it). */
    public static final String OPEN = "open";
    public static final String SUSPENDED = "suspended";
    /** Why and since when the case is on hold; null when it is not ({@link Suspension}). */
    public static final String SUSPENSION = "suspension";
    /** The rework round (0 until the case is sent back or reopened); shown as {@code reworkCount}. */
    public static final String ROUND = "round";
    public static final String DEADLINE = "deadline";

    // What was found, from the catalogue.
    public static final String ITEM_CODE = "itemCode";
    public static final String ITEM_NAME = "itemName";
    /** The catalogue's class of the item: EVENT or COMPONENT. */
    public static final String ITEM_CLASS = "itemClass";
    public static final String CATEGORY = "category";
    public static final String HANDLING_TYPE = "handlingType";
    public static final String PERSISTENT_PROBLEM = "persistentProblem";

    // Where, and how it came in.
    /** The responsibility grid: the report's own or the one its position lies in, then the one filing assigns. */
    public static final String GRID_CODE = "gridCode";
    public static final String STREET_CODE = "streetCode";
    public static final String RESIDENTIAL_AREA_CODE = "residentialAreaCode";
    /** The reported position ({@link Location}). */
    public static final String LOCATION = "location";
    public static final String DESCRIPTION = "description";
    /** The {@code ReportSource} name. */
    public static final String SOURCE = "source";
    public static final String REPORTED_AT = "reportedAt";
    /** The client that reported the case (its token's client id); partners read only what they reported. */
    public static final String REPORTED_BY = "reportedBy";
    public static final String FILED_AT = "filedAt";

    // The steps after filing, each a sub-document (null until the step happens, or again after a new round).
    /** The current round's dispatch order ({@link Dispatch}). */
    public static final String DISPATCH = "dispatch";
    /** The lead agency's answer ({@link Handling}). */
    public static final String HANDLING = "handling";
    /** The grid's check on site ({@link Verification}). */
    public static final String VERIFICATION = "verification";
    /** The {@code CaseResolution} name. */
    public static final String RESOLUTION = "resolution";
    public static final String CLOSED_AT = "closedAt";
    public static final String CLOSED_ON_TIME = "closedOnTime";
    /**
     * Who reported the case, sealed ({@link Reporter}): ciphertext only, opened by the API for a caller with
     * {@code cases:personal-data}; after an erasure only {@code erased: true} is left. Null without a reporter.
     */
    public static final String REPORTER = "reporter";
    /** The reporter's satisfaction ({@link Feedback}). */
    public static final String FEEDBACK = "feedback";
    /** Why the case was not accepted ({@link Rejection}). */
    public static final String REJECTION = "rejection";
    /** The ids of the cases linked to this one as its duplicates. */
    public static final String DUPLICATES = "duplicates";
    /** What happened, one entry per event shown ({@link Timeline}). */
    public static final String TIMELINE = "timeline";

    /** The fields of {@link #LOCATION}. */
    public static final class Location {
        public static final String LATITUDE = "latitude";
        public static final String LONGITUDE = "longitude";
        /** The grid code the report itself named, if any (the case's grid is {@link CaseDocument#GRID_CODE}). */
        public static final String GRID_CODE = "gridCode";
        public static final String ADDRESS = "address";

        private Location() {
        }
    }

    /** The fields of {@link #DISPATCH}. */
    public static final class Dispatch {
        public static final String ORDER_ID = "orderId";
        public static final String ROUND = "round";
        public static final String LEAD_AGENCY_ID = "leadAgencyId";
        public static final String ASSISTING_AGENCY_IDS = "assistingAgencyIds";
        public static final String DISPATCHED_AT = "dispatchedAt";

        private Dispatch() {
        }
    }

    /** The fields of {@link #HANDLING}. */
    public static final class Handling {
        public static final String RESULT = "result";
        public static final String ON_TIME = "onTime";
        public static final String HANDLED_AT = "handledAt";

        private Handling() {
        }
    }

    /** The fields of {@link #VERIFICATION}. */
    public static final class Verification {
        public static final String FIXED = "fixed";
        public static final String NOTE = "note";
        public static final String VERIFIED_BY = "verifiedBy";
        public static final String VERIFIED_AT = "verifiedAt";

        private Verification() {
        }
    }

    /** The fields of {@link #REPORTER}: the sealed values, each {@code {subject, ciphertext}}. */
    public static final class Reporter {
        public static final String NAME = "name";
        public static final String CONTACT = "contact";
        public static final String EMAIL = "email";
        public static final String SUBJECT = "subject";
        public static final String CIPHERTEXT = "ciphertext";
        public static final String ERASED = "erased";

        private Reporter() {
        }
    }

    /** The fields of {@link #FEEDBACK}. */
    public static final class Feedback {
        /** The {@code Satisfaction} name. */
        public static final String SATISFACTION = "satisfaction";
        public static final String COMMENT = "comment";
        public static final String RECORDED_AT = "recordedAt";

        private Feedback() {
        }
    }

    /** The fields of {@link #REJECTION}. */
    public static final class Rejection {
        /** The {@code RejectionReason} name. */
        public static final String REASON = "reason";
        /** The case this one duplicates, for a rejection as a duplicate. */
        public static final String DUPLICATE_OF = "duplicateOf";
        public static final String NOTE = "note";

        private Rejection() {
        }
    }

    /** The fields of {@link #SUSPENSION}. */
    public static final class Suspension {
        public static final String REASON = "reason";
        public static final String APPROVED_BY = "approvedBy";
        public static final String SINCE = "since";

        private Suspension() {
        }
    }

    /** The fields of a {@link #TIMELINE} entry. */
    public static final class Timeline {
        /** The event's sequence number within the case. */
        public static final String SEQUENCE = "sequence";
        /** The event's simple class name, e.g. {@code CaseFiled}. */
        public static final String EVENT = "event";
        public static final String AT = "at";
        /** Who did it: a user, an agency, a service or the report's source. */
        public static final String BY = "by";
        /** What the event said that a reader of the timeline needs ({@link Details}). */
        public static final String DETAILS = "details";

        private Timeline() {
        }
    }

    /**
     * The fields of a timeline entry's {@link Timeline#DETAILS}: each is named after the event's
     * own field and served as it is stored, so these names are also the REST timeline's.
     */
    public static final class Details {
        public static final String ITEM_CODE = "itemCode";
        public static final String GRID_CODE = "gridCode";
        public static final String DEADLINE = "deadline";
        public static final String REASON = "reason";
        public static final String DUPLICATE_OF = "duplicateOf";
        public static final String NOTE = "note";
        public static final String DUPLICATE_CASE_ID = "duplicateCaseId";
        public static final String ORDER_ID = "orderId";
        public static final String ROUND = "round";
        public static final String LEAD_AGENCY_ID = "leadAgencyId";
        public static final String RESULT = "result";
        public static final String ON_TIME = "onTime";
        public static final String FIXED = "fixed";
        public static final String REWORK_ROUND = "reworkRound";
        public static final String RESOLUTION = "resolution";
        public static final String SATISFACTION = "satisfaction";
        public static final String COMMENT = "comment";
        public static final String APPROVED_BY = "approvedBy";
        public static final String CAUSE = "cause";
        public static final String ORIGINAL_CASE_ID = "originalCaseId";

        private Details() {
        }
    }

    /** A dotted path into sub-documents, e.g. {@code path(LOCATION, Location.LATITUDE)} is {@code location.latitude}. */
    public static String path(String field, String... nested) {
        return nested.length == 0 ? field : field + "." + String.join(".", nested);
    }

    private CaseDocument() {
    }
}
