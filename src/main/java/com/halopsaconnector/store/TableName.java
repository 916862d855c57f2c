package com.halopsaconnector.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one DynamoDB table both functions share. */
@ApplicationScoped
public class TableName {

    @ConfigProperty(name = "connector.table-name")
    String value;

    public String value() {
        return value;
    }
}
