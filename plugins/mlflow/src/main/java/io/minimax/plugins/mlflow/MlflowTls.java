package io.minimax.plugins.mlflow;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

/**
 * MLflow's TLS settings: {@code MLFLOW_TRACKING_SERVER_CERT_PATH} (a PEM bundle of the certificates to trust, for a
 * team server with its own CA) and {@code MLFLOW_TRACKING_INSECURE_TLS=true} (trust any certificate; the host name is
 * still checked). Without either, the JVM's trust store decides.
 */
final class MlflowTls
{
    private MlflowTls() {}

    static Optional<SSLContext> fromEnvironment(Map<String, String> environment)
    {
        try {
            if ("true".equalsIgnoreCase(environment.getOrDefault("MLFLOW_TRACKING_INSECURE_TLS", ""))) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustingAnyCertificate()}, null);
                return Optional.of(context);
            }
            String certificates = environment.get("MLFLOW_TRACKING_SERVER_CERT_PATH");
            if (certificates != null && !certificates.isBlank()) {
                return Optional.of(trusting(Path.of(certificates)));
            }
            return Optional.empty();
        }
        catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("MLflow TLS settings: " + e.getMessage(), e);
        }
    }

    private static SSLContext trusting(Path bundle)
            throws GeneralSecurityException, IOException
    {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream input = Files.newInputStream(bundle)) {
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(input)) {
                store.setCertificateEntry("certificate-" + index++, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static final class TrustingAnyCertificate
            implements X509TrustManager
    {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers()
        {
            return new X509Certificate[0];
        }
    }
}
