package cn.changning.governance.contracts.cases;

/** The resident's feedback on a closed case (群众测评). */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    DISSATISFIED
}
