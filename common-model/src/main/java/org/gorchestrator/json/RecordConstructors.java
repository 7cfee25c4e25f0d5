package org.gorchestrator.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;

/**
 * Builds records through their canonical constructor with a method handle typed once per record type.
 *
 * <p>Jackson 3 calls a constructor of several parameters with {@code MethodHandle.invokeWithArguments}, which
 * looks up and adapts a generic invoker at every call; every document, command and event this project reads is
 * records, so that path was a large share of reading them (BENCHMARKS.md, "Reading and writing JSON"). Jackson's own
 * instantiator still decides which constructor and which arguments; only the call differs, and a constructor's
 * exception reaches the caller as Jackson would report it.
 */
final class RecordConstructors extends ValueInstantiators.Base {

    static SimpleModule module() {
        return new SimpleModule("gorch-record-constructors") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addValueInstantiators(new RecordConstructors());
            }
        };
    }

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier description,
                                                     ValueInstantiator found) {
        // Only Jackson's own instantiator of a record's constructor: anything else was chosen on purpose.
        if (found.getClass() == StdValueInstantiator.class && found instanceof StdValueInstantiator jackson
                && jackson.getValueClass().isRecord() && jackson.getWithArgsCreator() instanceof AnnotatedConstructor creator) {
            MethodHandle handle = spreader(creator.getAnnotated());
            return handle == null ? found : new Direct(jackson, handle);
        }
        return found;
    }

    /** The constructor as {@code (Object[]) -> Object}, or null when it may not be called from here. */
    private static MethodHandle spreader(Constructor<?> constructor) {
        try {
            return MethodHandles.publicLookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, constructor.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException notPublic) {
            return null;
        }
    }

    private static final class Direct extends StdValueInstantiator {
        private final MethodHandle constructor;

        Direct(StdValueInstantiator found, MethodHandle constructor) {
            super(found);
            this.constructor = constructor;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) throws JacksonException {
            try {
                return (Object) constructor.invokeExact(arguments);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                return context.handleInstantiationProblem(_valueClass, arguments, rewrapCtorProblem(context, e));
            }
        }
    }
}
