BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Get-OrcNotificationSetting' {
    BeforeEach {
        $calls = New-Object -TypeName System.Collections.Generic.List[object]
        $reply = New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.notify-settings/v1","configured":true,"smtp":{"host":"mail.example.com"},"passwordSet":true,"passwordSource":"store","webhookSet":false,"outboxPending":2,"openIncidents":["db-export"]}')
        Mock Invoke-OrcExec {
            $calls.Add([pscustomobject]@{ Arguments = @($ArgumentList); HasInput = -not [string]::IsNullOrEmpty($InputObject) })
            $reply
        }
    }

    It 'runs notify show and returns the settings, typed' {
        $s = InModuleScope Orchestrator { Get-OrcNotificationSetting }
        ($calls[0].Arguments -join ' ') | Should -Be 'notify show'
        $calls[0].HasInput | Should -BeFalse
        $s.PSObject.TypeNames[0] | Should -Be 'Orchestrator.NotificationSetting'
        $s.passwordSet | Should -BeTrue
        $s.outboxPending | Should -Be 2
        $s.openIncidents | Should -Be @('db-export')
    }

    It 'writes an error when the secret file is insecure' {
        $reply = New-OrcExecResult -ExitCode 4 -StdErr 'orc-exec: error: secret file is readable by others: /s/state/notify.secret has mode 0644; fix: chmod 600 /s/state/notify.secret'
        $err = InModuleScope Orchestrator { Get-OrcNotificationSetting -ErrorAction SilentlyContinue -ErrorVariable e | Out-Null; $e[0] }
        $err.FullyQualifiedErrorId | Should -BeLike 'Orc.InsecureDefinition*'
        $err.Exception.Message | Should -BeLike '*chmod 600*'
    }
}
