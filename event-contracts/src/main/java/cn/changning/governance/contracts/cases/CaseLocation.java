package cn.changning.governance.contracts.cases;

/**
 * Where the problem is: WGS84 coordinates, the 15-digit responsibility grid code
 * (6 district + 3 street + 3 community + 3 grid serial) and a free-text address.
 */
public record CaseLocation(double latitude, double longitude, String gridCode, String address) {
}
