package cn.changning.governance.contracts.cases;

/** Who reported the problem. Contact data is personal: consumers must not copy it into public views. */
public record Reporter(String name, String contact) {
}
