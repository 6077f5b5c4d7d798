BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'ConvertTo-OrcOutputObject' {
    # What the notification and report cmdlets return: PowerShell objects with a type name, PascalCase
    # properties and a format view, never orc-exec's camelCase records.
    It 'makes an Orchestrator.<TypeName> with PascalCase properties and a view' -ForEach @(
        @{ TypeName = 'NotificationSetting'; Json = '{"schema":"orc.notify-settings/v1","configured":true,"smtp":{"host":"mail","port":587,"tls":"starttls","auth":"plain","username":"u"},"from":"a@b","to":["c@d"],"timeout":"10s","secretScope":"machine","attachMax":1048576,"passwordSet":true,"webhookSet":false,"outboxPending":2}'; Property = 'SmtpServer'; Value = 'mail' }
        @{ TypeName = 'NotificationTest'; Json = '{"schema":"orc.notify-test/v1","sent":true,"to":["c@d"],"messageId":"<m@x>"}'; Property = 'MessageId'; Value = '<m@x>' }
        @{ TypeName = 'ReportEntry'; Json = '{"schema":"orc.report/v1","task":"db","defined":true,"enabled":true,"runs":3,"successes":2,"failures":1,"skips":0,"other":0,"running":0,"lastStatus":"FAILED","slowest":{"runId":"r1","start":"2026-01-01T02:00:00Z","durationMs":1500,"status":"SUCCESS"}}'; Property = 'SlowestDuration'; Value = [timespan]::FromMilliseconds(1500) }
    ) {
        $record = ConvertFrom-Json -InputObject $Json
        $object = InModuleScope Orchestrator -Parameters @{ Record = $record; TypeName = $TypeName } { ConvertTo-OrcOutputObject -Record $Record -TypeName $TypeName }
        $object.PSObject.TypeNames[0] | Should -Be "Orchestrator.$TypeName"
        @($object.PSObject.Properties.Name | Where-Object { $_ -cnotmatch '^[A-Z]' }) | Should -BeNullOrEmpty
        $object.$Property | Should -Be $Value
        Get-FormatData -TypeName "Orchestrator.$TypeName" | Should -Not -BeNullOrEmpty
    }
}
