# Build targets for `sam build` (template.yaml: Metadata: BuildMethod: makefile).
#
# Both Lambda functions ship the SAME package; the CONNECTOR_FUNCTION env var picks the
# role at run time. So the package is built once and each build-<Function> target only
# copies it into $(ARTIFACTS_DIR). Two packagings (PACKAGING, below), both a `bootstrap`
# for provided.al2023:
#   native  the Quarkus native executable (default)
#   jvm     infra/package/jvm.sh's target/function-jvm.zip: a bootstrap script, a jlinked
#           JDK 25 (runtime/), the jars (app/) and an AOT cache (app.aot) trained with that JDK
# The template's Packaging parameter must name the same packaging: SAM cannot choose the
# artifact from a parameter, so the choice is made here and the template only sets memory
# and CONNECTOR_PACKAGING.
#
# How SAM runs this file: `make --makefile <project>/Makefile build-<LogicalId>` with
# ARTIFACTS_DIR set, in a scratch copy of the project (default) or in the project itself
# (`sam build --build-in-source`). Either way the build below runs in the directory that
# holds this Makefile, so ./mvnw, pom.xml and src/ are found, target/ is reused between
# builds, and the second function reuses the first one's binary.
#
# Knobs (environment or make variables):
#   PACKAGING=jvm          build the JVM package instead of the native one (default native);
#                          needs what infra/package/jvm.sh needs (JDK 25: JAVA25_HOME, and
#                          moto_server for the training run) and builds for THIS machine's
#                          architecture, so LAMBDA_ARCH must match it
#   NATIVE_BUILD_LOCAL=1   build with a local Mandrel/GraalVM (native-image on PATH or
#                          GRAALVM_HOME set) instead of Quarkus' container build (Docker/Podman)
#   LAMBDA_ARCH=arm64      target architecture; must equal the template's Architecture
#                          parameter (default x86_64)
#   MVN_ARGS=...           extra Maven arguments (native build only; jvm.sh takes none)
#
# Other targets: `make native` / `make jvm` (build only), `make clean-native` /
# `make clean-jvm` (forget the cached package).

PROJECT_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
THIS_MAKEFILE := $(PROJECT_DIR)/Makefile

LAMBDA_ARCH ?= x86_64
ifeq ($(LAMBDA_ARCH),x86_64)
  CONTAINER_PLATFORM := linux/amd64
  ELF_MACHINE := 3e
  HOST_ARCHES := x86_64 amd64
else ifeq ($(LAMBDA_ARCH),arm64)
  CONTAINER_PLATFORM := linux/arm64
  ELF_MACHINE := b7
  HOST_ARCHES := aarch64 arm64
else
  $(error LAMBDA_ARCH must be x86_64 or arm64, not '$(LAMBDA_ARCH)')
endif

PACKAGING ?= native
ifeq ($(filter $(PACKAGING),native jvm),)
  $(error PACKAGING must be native or jvm, not '$(PACKAGING)')
endif

ifeq ($(NATIVE_BUILD_LOCAL),1)
  NATIVE_FLAGS :=
else
  NATIVE_FLAGS := -Dquarkus.native.container-build=true \
                  -Dquarkus.native.container-runtime-options=--platform=$(CONTAINER_PLATFORM)
endif

MVN ?= $(if $(wildcard $(PROJECT_DIR)/mvnw),./mvnw,mvn)
MVN_ARGS ?=

# The cached native package, one per architecture. Only the `native` rule below writes it,
# so a JVM-mode target/function.zip can never be mistaken for it.
NATIVE_ZIP := $(PROJECT_DIR)/target/sam-native/$(LAMBDA_ARCH)/function.zip
# Everything the binary is built from; the cached package is reused while it is newer.
NATIVE_INPUTS := $(THIS_MAKEFILE) $(PROJECT_DIR)/pom.xml \
  $(wildcard $(PROJECT_DIR)/mvnw $(PROJECT_DIR)/.mvn/wrapper/maven-wrapper.properties) \
  $(shell find "$(PROJECT_DIR)/src" -type f 2>/dev/null)

# The cached JVM package, one per architecture; only the `jvm` rule below writes it.
JVM_ZIP := $(PROJECT_DIR)/target/sam-jvm/$(LAMBDA_ARCH)/function.zip
JVM_SCRIPT := $(PROJECT_DIR)/infra/package/jvm.sh
JVM_OUTPUT := $(PROJECT_DIR)/target/function-jvm.zip
# The JDK jvm.sh uses (same lookup as jvm.sh): a new JDK build must retrain the AOT cache.
JVM_JDK := $(or $(JAVA25_HOME),/usr/lib/jvm/temurin-25-jdk-amd64)
JVM_INPUTS := $(NATIVE_INPUTS) $(shell find "$(PROJECT_DIR)/infra/package" -type f 2>/dev/null) \
  $(wildcard $(JVM_JDK)/release)
# Lambda's limit for a function's code once extracted (250 MB, layers included); the JVM
# package carries a JDK and an AOT cache, so check it here rather than at deploy time.
LAMBDA_UNZIPPED_MAX := 262144000

PACKAGE_ZIP := $(if $(filter jvm,$(PACKAGING)),$(JVM_ZIP),$(NATIVE_ZIP))

# Serialise the two builds if SAM runs them in parallel (`sam build --parallel`); flock is
# in util-linux (Linux). Without it, do not use --parallel.
LOCK_FILE := $(PROJECT_DIR)/target/.sam-native.lock
LOCKED := $(if $(shell command -v flock 2>/dev/null),flock "$(LOCK_FILE)",)

.PHONY: help build-ConfigFunction build-WebhookFunction native clean-native jvm clean-jvm
.DEFAULT_GOAL := help

help:
	@echo "Used by 'sam build' (targets build-ConfigFunction, build-WebhookFunction)."
	@echo "  make native         build target/sam-native/$(LAMBDA_ARCH)/function.zip only"
	@echo "  make clean-native   forget the cached native package"
	@echo "  make jvm            build target/sam-jvm/$(LAMBDA_ARCH)/function.zip only (infra/package/jvm.sh)"
	@echo "  make clean-jvm      forget the cached JVM package"
	@echo "Variables: PACKAGING=native|jvm, NATIVE_BUILD_LOCAL=1, LAMBDA_ARCH=x86_64|arm64, MVN_ARGS=..."

build-ConfigFunction build-WebhookFunction:
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run this target through 'sam build'" >&2; exit 1; }
	@command -v unzip >/dev/null 2>&1 || { echo "unzip is required (e.g. apt-get install unzip)" >&2; exit 1; }
	@mkdir -p "$(PROJECT_DIR)/target"
	$(LOCKED) $(MAKE) --no-print-directory -f "$(THIS_MAKEFILE)" $(PACKAGING)
	mkdir -p "$(ARTIFACTS_DIR)"
ifeq ($(PACKAGING),jvm)
	@# A jar left from an earlier build would join the class path (app/*) and void the AOT cache.
	rm -rf "$(ARTIFACTS_DIR)/app" "$(ARTIFACTS_DIR)/runtime" "$(ARTIFACTS_DIR)/app.aot"
endif
	@# unzip keeps each entry's stored modification time (the AOT cache checks the jars' ones).
	unzip -o -q "$(PACKAGE_ZIP)" -d "$(ARTIFACTS_DIR)"
	chmod 755 "$(ARTIFACTS_DIR)/bootstrap"
ifeq ($(PACKAGING),jvm)
	@# A zip written without Unix modes (e.g. by Java) would leave the JDK's launchers unexecutable
	@# and may leave files unreadable to the user Lambda runs the function as.
	chmod -R a+rX "$(ARTIFACTS_DIR)/app" "$(ARTIFACTS_DIR)/runtime" "$(ARTIFACTS_DIR)/app.aot"
	chmod 755 "$(ARTIFACTS_DIR)"/runtime/bin/*
	if [ -f "$(ARTIFACTS_DIR)/runtime/lib/jspawnhelper" ]; then chmod 755 "$(ARTIFACTS_DIR)/runtime/lib/jspawnhelper"; fi
endif
	@echo "$@: $(ARTIFACTS_DIR)/bootstrap ($(PACKAGING), $(LAMBDA_ARCH))"

native: $(NATIVE_ZIP)

$(NATIVE_ZIP): $(NATIVE_INPUTS)
	@if [ "$(NATIVE_BUILD_LOCAL)" = "1" ]; then \
	  host="$$(uname -m)"; ok=""; \
	  for a in $(HOST_ARCHES); do [ "$$host" = "$$a" ] && ok=1; done; \
	  [ -n "$$ok" ] || { echo "NATIVE_BUILD_LOCAL=1 builds for this machine ($$host), not LAMBDA_ARCH=$(LAMBDA_ARCH); use the container build instead" >&2; exit 1; }; \
	fi
	cd "$(PROJECT_DIR)" && $(MVN) -B package -Dnative -DskipTests $(NATIVE_FLAGS) $(MVN_ARGS)
	@unzip -Z1 "$(PROJECT_DIR)/target/function.zip" | grep -qx bootstrap || { echo "target/function.zip has no 'bootstrap': was the native build skipped?" >&2; exit 1; }
	@# The entry must be an ELF executable for LAMBDA_ARCH (byte 18 of the ELF header is e_machine).
	@machine="$$(unzip -p "$(PROJECT_DIR)/target/function.zip" bootstrap | od -An -tx1 -j18 -N1 | tr -d ' \n')"; \
	  magic="$$(unzip -p "$(PROJECT_DIR)/target/function.zip" bootstrap | od -An -c -N4 | tr -d ' \n')"; \
	  if [ "$$magic" = "177ELF" ] && [ "$$machine" != "$(ELF_MACHINE)" ]; then \
	    echo "bootstrap is not built for $(LAMBDA_ARCH) (ELF machine 0x$$machine); build with the matching LAMBDA_ARCH" >&2; exit 1; \
	  fi
	mkdir -p "$(dir $@)"
	cp "$(PROJECT_DIR)/target/function.zip" "$@"

clean-native:
	rm -rf "$(PROJECT_DIR)/target/sam-native"

jvm: $(JVM_ZIP)

# jvm.sh builds and trains on this machine: its JDK and AOT cache are for this architecture.
$(JVM_ZIP): $(JVM_INPUTS)
	@test -f "$(JVM_SCRIPT)" || { echo "$(JVM_SCRIPT) is missing: it builds the JVM package" >&2; exit 1; }
	@host="$$(uname -m)"; ok=""; \
	  for a in $(HOST_ARCHES); do [ "$$host" = "$$a" ] && ok=1; done; \
	  [ -n "$$ok" ] || { echo "PACKAGING=jvm builds for this machine ($$host), not LAMBDA_ARCH=$(LAMBDA_ARCH); build it on a machine of that architecture" >&2; exit 1; }
	rm -f "$(JVM_OUTPUT)"
	cd "$(PROJECT_DIR)" && bash "$(JVM_SCRIPT)"
	@test -f "$(JVM_OUTPUT)" || { echo "$(JVM_SCRIPT) wrote no target/function-jvm.zip" >&2; exit 1; }
	@entries="$$(unzip -Z1 "$(JVM_OUTPUT)")"; \
	  for e in bootstrap runtime/bin/java app.aot; do \
	    printf '%s\n' "$$entries" | grep -qx "$$e" || { echo "target/function-jvm.zip has no '$$e'" >&2; exit 1; }; \
	  done; \
	  printf '%s\n' "$$entries" | grep -q '^app/[^/]*\.jar$$' || { echo "target/function-jvm.zip has no app/*.jar" >&2; exit 1; }
	@machine="$$(unzip -p "$(JVM_OUTPUT)" runtime/bin/java | od -An -tx1 -j18 -N1 | tr -d ' \n')"; \
	  if [ "$$machine" != "$(ELF_MACHINE)" ]; then \
	    echo "runtime/bin/java is not built for $(LAMBDA_ARCH) (ELF machine 0x$$machine)" >&2; exit 1; \
	  fi
	@size="$$(unzip -Zt "$(JVM_OUTPUT)" | awk '{print $$3}')"; \
	  if [ "$$size" -gt $(LAMBDA_UNZIPPED_MAX) ]; then \
	    echo "target/function-jvm.zip extracts to $$size bytes, more than Lambda's $(LAMBDA_UNZIPPED_MAX)" >&2; exit 1; \
	  fi; \
	  echo "target/function-jvm.zip: $$size bytes extracted (Lambda allows $(LAMBDA_UNZIPPED_MAX))"
	mkdir -p "$(dir $@)"
	cp -p "$(JVM_OUTPUT)" "$@"

clean-jvm:
	rm -rf "$(PROJECT_DIR)/target/sam-jvm"
