BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Send-OrcTestMail' {
    BeforeEach {
        $calls = New-Object -TypeName System.Collections.Generic.List[object]
        $reply = New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.notify-test/v1","sent":true,"to":["me@example.com"],"messageId":"test.1@host"}')
        Mock Invoke-OrcExec {
            $calls.Add([pscustomobject]@{ Arguments = @($ArgumentList); HasInput = -not [string]::IsNullOrEmpty($InputObject) })
            $reply
        }
    }

    It 'runs notify test with the recipients and returns the verdict' {
        $r = InModuleScope Orchestrator { Send-OrcTestMail -To me@example.com, you@example.com -Webhook }
        ($calls[0].Arguments -join ' ') | Should -Be 'notify test --to me@example.com,you@example.com --webhook'
        $calls[0].HasInput | Should -BeFalse
        $r.PSObject.TypeNames[0] | Should -Be 'Orchestrator.NotificationTest'
        $r.sent | Should -BeTrue
    }

    It 'turns a refused mail into an error carrying the server''s answer' {
        $reply = New-OrcExecResult -ExitCode 1 -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.notify-test/v1","sent":false,"error":"smtp mail:587: connecting: SMTP AUTH failed: 535 5.7.8 Authentication credentials invalid"}') -StdErr 'orc-exec: error: smtp mail:587: connecting: SMTP AUTH failed: 535 5.7.8 Authentication credentials invalid'
        $err = InModuleScope Orchestrator { Send-OrcTestMail -ErrorAction SilentlyContinue -ErrorVariable e | Out-Null; $e[0] }
        $err.FullyQualifiedErrorId | Should -BeLike 'Orc.CommandFailed*'
        $err.Exception.Message | Should -BeLike '*535*'
    }
}
