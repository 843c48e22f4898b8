package cn.changning.governance.reference.agencies;

import cn.changning.governance.reference.ReferenceJson;

/** A district department (区职能部门) that stations agencies in the streets: their other line of management. */
public record Department(String code, String name, String nameZh) {

    public Department {
        ReferenceJson.requireText(code, "department code");
        ReferenceJson.requireText(name, "department name");
        ReferenceJson.requireText(nameZh, "department Chinese name");
    }
}
