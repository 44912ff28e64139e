import AzureImport
import BatchModel
import Foundation
import ScenarioFormat
import Testing

/// Batch CLI templates: `{"pool"|"job": {...}}` wrappers, `[parameters('x')]` and `[variables('x')]`.
struct TemplateImportTests {
    static let template = #"""
        {
          "parameters": {
            "vmSize": {"type": "string", "defaultValue": "STANDARD_D1_V2"},
            "vmCount": {"type": "int", "defaultValue": 3},
            "poolId": {"type": "string"}
          },
          "pool": {
            "type": "Microsoft.Batch/batchAccounts/pools",
            "apiVersion": "2022-06-01",
            "properties": {
              "id": "[parameters('poolId')]",
              "vmSize": "[parameters('vmSize')]",
              "targetDedicatedNodes": "[parameters('vmCount')]",
              "startTask": {"commandLine": "setup [parameters('missing')]", "waitForSuccess": true}
            }
          }
        }
        """#

    @Test func aPlaceholderWithoutADefaultIsAnErrorNamingTheParameterAndPath() {
        let errors = ImportFixtures.errors([("pool.json", Self.template)])
        #expect(
            errors == [
                "pool.json:11:13: error: unresolved placeholder [parameters('poolId')]: parameter 'poolId' has no "
                    + "defaultValue and no parameters file gives it a value (at $.pool.properties.id)"
            ])
    }

    @Test func aParametersFileSuppliesValuesAndDefaultsFillTheRest() throws {
        let parameters = #"{"poolId": {"value": "hello-pool"}, "vmCount": {"value": 5}}"#
        let result = try ImportFixtures.run([
            ("pool.json", Self.template), ("pool.parameters.json", parameters), ImportFixtures.job(on: "hello-pool"),
        ])
        let values = ImportFixtures.values(result)
        #expect(values.contains("- id: hello-pool"))
        #expect(values.contains("vmSize: STANDARD_D1_V2"))
        #expect(values.contains("dedicatedNodes: 5"))
        #expect(result.scenario.contains("pool.json $.pool.properties.targetDedicatedNodes"))
    }

    @Test func anArmParametersFileIsRecognisedToo() throws {
        let parameters = #"{"$schema": "x", "contentVersion": "1.0.0.0", "parameters": {"poolId": {"value": "p"}}}"#
        let result = try ImportFixtures.run([
            ("params.json", parameters), ("pool.json", Self.template), ImportFixtures.job(on: "p"),
        ])
        #expect(ImportFixtures.values(result).contains("- id: p"))
    }

    @Test func placeholdersInUnmodelledFieldsNeverFail() throws {
        let parameters = #"{"poolId": {"value": "p"}}"#
        let result = try ImportFixtures.run([
            ("pool.json", Self.template), ("p.json", parameters), ImportFixtures.job(on: "p"),
        ])
        #expect(result.warnings.contains { $0.contains("pool.startTask field 'commandLine'") })
    }

    @Test func variablesAndUnwrappedTemplatesResolve() throws {
        let template = #"""
            {"parameters": {"poolId": {"type": "string", "defaultValue": "blender"}},
             "variables": {"slots": 4},
             "pool": {"id": "[parameters('poolId')]", "vmSize": "x", "taskSlotsPerNode": "[variables('slots')]"}}
            """#
        let result = try ImportFixtures.run([("pool.template.json", template), ImportFixtures.job(on: "blender")])
        #expect(ImportFixtures.values(result).contains("- id: blender"))
        #expect(ImportFixtures.values(result).contains("taskSlotsPerNode: 4"))
    }

    @Test func aJobTemplatesTaskCollectionBecomesItsTasks() throws {
        let job = #"""
            {"job": {"type": "Microsoft.Batch/batchAccounts/jobs", "properties": {
              "id": "helloworld-job", "poolInfo": {"poolId": "render"},
              "taskFactory": {"type": "taskCollection", "tasks": [{"id": "mytask1", "commandLine": "echo"}]}}}}
            """#
        let result = try ImportFixtures.run([("pool.json", ImportFixtures.pool), ("job.json", job)])
        #expect(result.trace?.contains("0s,,,helloworld-job") == true)
        #expect(result.scenario.contains("job.json $.job.properties.id"))
    }
}

/// ARM deployment templates (`az group export`): Batch and Key Vault resources are read, others listed.
struct DeploymentTemplateImportTests {
    static func template(poolName: String) -> String {
        #"""
        {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "contentVersion": "1.0.0.0",
         "parameters": {"accountName": {"type": "string", "defaultValue": "acct"}},
         "resources": [
           {"type": "Microsoft.Storage/storageAccounts", "name": "store", "location": "[resourceGroup().location]"},
           {"type": "Microsoft.Batch/batchAccounts", "name": "[parameters('accountName')]",
            "location": "[resourceGroup().location]", "identity": {"type": "SystemAssigned"},
            "properties": {"encryption": {"keySource": "Microsoft.Batch"}}},
           {"type": "Microsoft.Batch/batchAccounts/pools", "name": "\#(poolName)",
            "properties": {"vmSize": "STANDARD_D2S_V3",
              "scaleSettings": {"fixedScale": {"targetDedicatedNodes": 2}}}}
         ]}
        """#
    }

    @Test func batchResourcesAreReadAndOthersListed() throws {
        let result = try ImportFixtures.run([
            ("template.json", Self.template(poolName: "acct/render")), ImportFixtures.job(on: "render"),
        ])
        let values = ImportFixtures.values(result)
        #expect(values.contains("name: acct"))
        #expect(values.contains("- id: render"))
        #expect(values.contains("dedicatedNodes: 2"))
        #expect(result.warnings.contains { $0.contains("template resource field 'Microsoft.Storage/storageAccounts'") })
        #expect(result.warnings.contains { $0.contains("account location left out: [resourceGroup().location]") })
    }

    @Test func concatOfParametersAndLiteralsNamesAChildResource() throws {
        let result = try ImportFixtures.run([
            ("template.json", Self.template(poolName: "[concat(parameters('accountName'), '/render')]")),
            ImportFixtures.job(on: "render"),
        ])
        #expect(ImportFixtures.values(result).contains("- id: render"))
    }

    @Test func aPoolNestedInTheAccountResourceIsRead() throws {
        let template = #"""
            {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
             "resources": [{"type": "Microsoft.Batch/batchAccounts", "name": "acct", "location": "eastus",
               "properties": {},
               "resources": [{"type": "pools", "name": "render", "dependsOn": ["acct"],
                 "properties": {"vmSize": "x", "scaleSettings": {"fixedScale": {"targetDedicatedNodes": 1}}}}]}]}
            """#
        let result = try ImportFixtures.run([("template.json", template), ImportFixtures.job(on: "render")])
        #expect(ImportFixtures.values(result).contains("- id: render"))
        #expect(result.scenario.contains("template.json $.resources[0].resources[0].name"))
        #expect(result.warnings.contains { $0.contains("pool (ARM) field 'dependsOn'") })
    }

    @Test func anUnsupportedExpressionInAModelledFieldIsAnError() {
        let errors = ImportFixtures.errors([
            ("template.json", Self.template(poolName: "[format('{0}/render', parameters('accountName'))]")),
            ImportFixtures.job(on: "render"),
        ])
        #expect(errors.count == 1)
        #expect(errors.first?.contains("[concat(…)] of them are resolved") == true)
        #expect(errors.first?.hasSuffix("(at $.resources[2].name)") == true)
    }
}
