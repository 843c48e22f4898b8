package cn.changning.governance.cases.api;

import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.contracts.cases.ReportSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/cases}. */
public record ReportCaseRequest(
        @NotBlank @Pattern(regexp = Identifiers.ITEM, message = Identifiers.ITEM_MESSAGE) String itemCode,
        @NotNull @Valid Location location,
        @NotBlank @Size(max = 4000) String description,
        @NotNull ReportSource source,
        @Valid Reporter reporter) {

    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Pattern(regexp = Identifiers.GRID, message = Identifiers.GRID_MESSAGE) String gridCode,
            @Size(max = 500) String address) {
    }

    public record Reporter(@Size(max = 100) String name, @Size(max = 100) String contact) {
    }
}
