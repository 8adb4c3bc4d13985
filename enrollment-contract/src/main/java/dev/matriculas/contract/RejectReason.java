package dev.matriculas.contract;

/** Why a record on the topic is not a valid enrollment; the code is what operators see in headers and metrics. */
public enum RejectReason {
    OVERSIZED("oversized"),
    INVALID_UTF8("invalid-utf8"),
    MALFORMED_JSON("malformed-json"),
    NOT_AN_OBJECT("not-an-object"),
    MISSING_FIELD("missing-field"),
    WRONG_TYPE("wrong-type"),
    BLANK_TEXT("blank-text"),
    TEXT_TOO_LONG("text-too-long"),
    OUT_OF_RANGE("out-of-range"),
    INVALID_DATE("invalid-date"),
    KEY_MISMATCH("key-mismatch");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
