package cn.changning.governance.reference.geography;

/** A WGS84 position, latitude and longitude in decimal degrees. */
public record GeoPoint(double lat, double lng) {

    /** Mean Earth radius (IUGG); at the 50 m scale of the duplicate check the choice does not matter. */
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public GeoPoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude out of range: " + lat);
        }
        if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
            throw new IllegalArgumentException("longitude out of range: " + lng);
        }
    }

    public static GeoPoint of(double lat, double lng) {
        return new GeoPoint(lat, lng);
    }

    /** Great-circle distance by the haversine formula. */
    public double distanceMetresTo(GeoPoint other) {
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double dPhi = Math.toRadians(other.lat - lat);
        double dLambda = Math.toRadians(other.lng - lng);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
