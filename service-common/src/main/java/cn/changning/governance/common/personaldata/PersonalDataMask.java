package cn.changning.governance.common.personaldata;

/**
 * How a personal value is shown to a reader without the personal-data scope: enough to recognise, not to use
 * (e.g. a phone number {@code 138****5678}, a name {@code 张**}). Implemented in this package.
 */
public enum PersonalDataMask {
    NAME, PHONE, IDENTITY_NUMBER, ADDRESS, EMAIL, TEXT
}
