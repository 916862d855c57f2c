package com.halopsaconnector.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one DynamoDB table both functions share. */
@ApplicationScoped
public class TableName {

    @ConfigProperty(name = "connector.table-name")
    String value;

    /** A fixed name, for code built outside CDI (unit tests). */
    public static TableName of(String value) {
        TableName name = new TableName();
        name.value = value;
        return name;
    }

    public String value() {
        return value;
    }
}
