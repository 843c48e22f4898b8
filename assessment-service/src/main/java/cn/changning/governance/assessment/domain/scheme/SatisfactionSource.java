package cn.changning.governance.assessment.domain.scheme;

/** Which part of the resident evaluation a SATISFACTION item reads. */
public enum SatisfactionSource {
    /** The satisfaction survey's mean score (the 1,000 respondents a year). */
    SURVEY,
    /** The mean of residents' feedback on the cases they reported. */
    FEEDBACK
}
