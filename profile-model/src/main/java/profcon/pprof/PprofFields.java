package profcon.pprof;

/** Field numbers of profile.proto (src/main/proto/profile.proto), the one place the codec names them. */
final class PprofFields {
    private PprofFields() {
    }

    // Profile
    static final int SAMPLE_TYPE = 1;
    static final int SAMPLE = 2;
    static final int MAPPING = 3;
    static final int LOCATION = 4;
    static final int FUNCTION = 5;
    static final int STRING_TABLE = 6;
    static final int DROP_FRAMES = 7;
    static final int KEEP_FRAMES = 8;
    static final int TIME_NANOS = 9;
    static final int DURATION_NANOS = 10;
    static final int PERIOD_TYPE = 11;
    static final int PERIOD = 12;
    static final int COMMENT = 13;
    static final int DEFAULT_SAMPLE_TYPE = 14;
    static final int DOC_URL = 15;

    // ValueType
    static final int VALUE_TYPE_TYPE = 1;
    static final int VALUE_TYPE_UNIT = 2;

    // Sample
    static final int SAMPLE_LOCATION_ID = 1;
    static final int SAMPLE_VALUE = 2;
    static final int SAMPLE_LABEL = 3;

    // Label
    static final int LABEL_KEY = 1;
    static final int LABEL_STR = 2;
    static final int LABEL_NUM = 3;
    static final int LABEL_NUM_UNIT = 4;

    // Mapping
    static final int MAPPING_ID = 1;
    static final int MAPPING_START = 2;
    static final int MAPPING_LIMIT = 3;
    static final int MAPPING_OFFSET = 4;
    static final int MAPPING_FILENAME = 5;
    static final int MAPPING_BUILD_ID = 6;
    static final int MAPPING_HAS_FUNCTIONS = 7;
    static final int MAPPING_HAS_FILENAMES = 8;
    static final int MAPPING_HAS_LINE_NUMBERS = 9;
    static final int MAPPING_HAS_INLINE_FRAMES = 10;

    // Location
    static final int LOCATION_ID = 1;
    static final int LOCATION_MAPPING_ID = 2;
    static final int LOCATION_ADDRESS = 3;
    static final int LOCATION_LINE = 4;
    static final int LOCATION_IS_FOLDED = 5;

    // Line
    static final int LINE_FUNCTION_ID = 1;
    static final int LINE_LINE = 2;
    static final int LINE_COLUMN = 3;

    // Function
    static final int FUNCTION_ID = 1;
    static final int FUNCTION_NAME = 2;
    static final int FUNCTION_SYSTEM_NAME = 3;
    static final int FUNCTION_FILENAME = 4;
    static final int FUNCTION_START_LINE = 5;
}
