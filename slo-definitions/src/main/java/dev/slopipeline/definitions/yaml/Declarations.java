package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.SourceLocation;

import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one load has read, from every file and every translator, waiting for the cross checks.
 * Names of documents that had errors are kept too: an SLO whose service is misconfigured should get
 * that service's errors, not a second, misleading "unknown service" error. So is the service an invalid
 * SLO names: a wrong one is a mistake of its own, and the user should see it in the same run.
 */
final class Declarations {

    /** A name as declared, whether or not the rest of its document was valid. */
    record Name(Kind kind, String name, SourceLocation at) {
    }

    /** An SLO's {@code spec.service}, whether or not the rest of the SLO was valid. */
    record ServiceReference(String slo, String service, SourceLocation at) {
    }

    private final List<Declared<ServiceDefinition>> services = new ArrayList<>();
    private final List<Declared<SloDefinition>> slos = new ArrayList<>();
    private final List<Name> names = new ArrayList<>();
    private final List<ServiceReference> serviceReferences = new ArrayList<>();

    void service(Declared<ServiceDefinition> service) {
        services.add(service);
        names.add(new Name(Kind.SERVICE, service.definition().name(), nameLocation(service)));
    }

    void slo(Declared<SloDefinition> slo) {
        slos.add(slo);
        names.add(new Name(Kind.SLO, slo.definition().name(), nameLocation(slo)));
        serviceReferences.add(new ServiceReference(slo.definition().name(), slo.definition().service(),
                slo.at(FieldPaths.SERVICE)));
    }

    /** A document whose name could be read but which is not valid as a whole. */
    void invalid(Kind kind, String name, SourceLocation at) {
        names.add(new Name(kind, name, at));
    }

    /** The service named by an SLO that is not valid as a whole; a valid SLO's is recorded with it. */
    void serviceReference(ServiceReference reference) {
        serviceReferences.add(reference);
    }

    List<Declared<ServiceDefinition>> services() {
        return List.copyOf(services);
    }

    List<Declared<SloDefinition>> slos() {
        return List.copyOf(slos);
    }

    List<Name> names() {
        return List.copyOf(names);
    }

    List<ServiceReference> serviceReferences() {
        return List.copyOf(serviceReferences);
    }

    static SourceLocation nameLocation(Declared<?> declared) {
        return declared.at(FieldPaths.NAME);
    }
}
