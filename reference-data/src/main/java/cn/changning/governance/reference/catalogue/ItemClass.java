package cn.changning.governance.reference.catalogue;

/** The three classes of management item (管理事项). */
public enum ItemClass {
    /** 部件: a physical public asset, e.g. a manhole cover or a street light. */
    COMPONENT,
    /** 事件: an occurrence, e.g. illegal construction or an unlicensed stall. */
    EVENT,
    /** 服务: a resident's service need. */
    SERVICE
}
