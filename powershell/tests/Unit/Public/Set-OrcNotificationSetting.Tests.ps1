BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
    $script:SettingsJson = '{"schema":"orc.notify-settings/v1","configured":true,"smtp":{"host":"mail.example.com","port":587,"tls":"starttls","auth":"plain","username":"orc"},"from":"orc@example.com","to":["ops@example.com"],"timeout":"10s","passwordSet":true,"passwordSource":"store","webhookSet":false,"outboxPending":0}'
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Set-OrcNotificationSetting' {
    BeforeEach {
        $calls = New-Object -TypeName System.Collections.Generic.List[object]
        $reply = New-OrcExecResult -Records @(ConvertTo-OrcTestRecord $SettingsJson)
        Mock Get-OrcStoreHome { '/tmp/orc-store' }
        Mock Invoke-OrcExec {
            $calls.Add([pscustomobject]@{
                    Arguments = @($ArgumentList)
                    HasInput  = -not [string]::IsNullOrEmpty($InputObject)
                    Input     = $InputObject
                })
            $reply
        }
    }

    It 'hands the password to orc-exec on stdin, never in the argument list' {
        $secret = 'Pester-Pa55-Canary'
        $cred = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'orc@example.com', (ConvertTo-SecureString $secret -AsPlainText -Force)
        $out = InModuleScope Orchestrator -Parameters @{ C = $cred } {
            param($C)
            Set-OrcNotificationSetting -SmtpServer mail.example.com -Port 587 -Tls StartTls -Authentication Plain -Credential $C -From orc@example.com -To ops@example.com, dba@example.com -Timeout (New-TimeSpan -Seconds 10)
        }
        Should -Invoke Invoke-OrcExec -Times 1 -Exactly
        $calls.Count | Should -Be 1
        $call = $calls[0]
        ($call.Arguments -join ' ') | Should -Not -BeLike "*$secret*"
        $call.Arguments | Should -Contain '--password-stdin'
        $call.HasInput | Should -BeTrue
        $call.Input | Should -Be "$secret`n"
        ($call.Arguments -join ' ') | Should -Be 'notify set --smtp-host mail.example.com --smtp-port 587 --tls starttls --auth plain --from orc@example.com --to ops@example.com,dba@example.com --timeout 10s --username orc@example.com --password-stdin'
        $out.PSObject.TypeNames[0] | Should -Be 'Orchestrator.NotificationSetting'
        $out.SmtpServer | Should -Be 'mail.example.com'
    }

    It 'sends the webhook URL (a SecureString) on stdin after the password' {
        $url = 'https://hooks.example.com/services/T0KEN-123'
        $cred = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'orc', (ConvertTo-SecureString 'pw-1' -AsPlainText -Force)
        InModuleScope Orchestrator -Parameters @{ C = $cred; U = (ConvertTo-SecureString $url -AsPlainText -Force) } {
            param($C, $U)
            Set-OrcNotificationSetting -Credential $C -WebhookUrl $U | Out-Null
        }
        $call = $calls[0]
        ($call.Arguments -join ' ') | Should -Not -BeLike '*T0KEN*'
        ($call.Arguments -join ' ') | Should -Not -BeLike '*pw-1*'
        $call.Arguments | Should -Contain '--webhook-url-stdin'
        $call.Input | Should -Be "pw-1`n$url`n"
    }

    It 'passes no stdin when no secret is given' {
        InModuleScope Orchestrator { Set-OrcNotificationSetting -Tls Implicit -Authentication CramMD5 -SecretScope User | Out-Null }
        $calls[0].HasInput | Should -BeFalse
        ($calls[0].Arguments -join ' ') | Should -Be 'notify set --tls implicit --auth cram-md5 --secret-scope user'
    }

    It 'changes nothing with -WhatIf' {
        InModuleScope Orchestrator { Set-OrcNotificationSetting -SmtpServer mail.example.com -WhatIf }
        Should -Invoke Invoke-OrcExec -Times 0 -Exactly
    }

    It 'reports orc-exec''s refusal as an error with a stable ID' {
        $reply = New-OrcExecResult -ExitCode 2 -StdErr "orc-exec: error: --auth login needs --username`norc-exec: hint: run 'orc-exec notify --help' for the settings"
        $err = InModuleScope Orchestrator { Set-OrcNotificationSetting -Authentication Login -ErrorAction SilentlyContinue -ErrorVariable e; $e[0] }
        $err.FullyQualifiedErrorId | Should -BeLike 'Orc.Usage*'
        $err.Exception.Message | Should -BeLike '*needs --username*'
    }
}
