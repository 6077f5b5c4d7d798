BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Send-OrcReport' {
    BeforeEach {
        $calls = New-Object -TypeName System.Collections.Generic.List[object]
        $reply = New-OrcExecResult -Records @(
            ConvertTo-OrcTestRecord '{"schema":"orc.report/v1","task":"db-export","runs":24,"successes":23,"failures":1,"skips":0,"lastStatus":"SUCCESS"}'
            ConvertTo-OrcTestRecord '{"schema":"orc.report/v1","task":"cleanup","runs":1,"successes":1,"failures":0,"skips":0,"lastStatus":"SUCCESS"}'
        )
        Mock Invoke-OrcExec {
            $calls.Add([pscustomobject]@{ Arguments = @($ArgumentList); HasInput = -not [string]::IsNullOrEmpty($InputObject) })
            $reply
        }
    }

    It 'mails the last day''s report by default and returns each task''s summary' {
        $r = @(InModuleScope Orchestrator { Send-OrcReport })
        ($calls[0].Arguments -join ' ') | Should -Be 'report --since 1d --send'
        $r.Count | Should -Be 2
        $r[0].PSObject.TypeNames[0] | Should -Be 'Orchestrator.ReportEntry'
        $r[0].failures | Should -Be 1
    }

    It 'takes a period and recipients' {
        InModuleScope Orchestrator { Send-OrcReport -Since (New-TimeSpan -Hours 12) -To a@example.com, b@example.com | Out-Null }
        ($calls[0].Arguments -join ' ') | Should -Be 'report --since 12h --send --to a@example.com,b@example.com'
    }

    It 'only summarizes with -NoSend' {
        InModuleScope Orchestrator { Send-OrcReport -NoSend | Out-Null }
        ($calls[0].Arguments -join ' ') | Should -Be 'report --since 1d'
    }

    It 'writes an error when the mail cannot be sent' {
        $reply = New-OrcExecResult -ExitCode 1 -StdErr "orc-exec: error: sending the report: smtp mail:587: connecting: connection refused`norc-exec: hint: the report is kept in the outbox"
        $err = InModuleScope Orchestrator { Send-OrcReport -ErrorAction SilentlyContinue -ErrorVariable e | Out-Null; $e[0] }
        $err.FullyQualifiedErrorId | Should -BeLike 'Orc.CommandFailed*'
        $err.Exception.Message | Should -BeLike '*outbox*'
    }
}

Describe 'Send-OrcReport -Since' {
    BeforeEach {
        Mock Invoke-OrcExec { New-OrcExecResult }
    }

    It 'takes <Since> as Get-OrcTask shows durations and passes <Expected>' -ForEach @(
        @{ Since = '7d'; Expected = '7d' }
        @{ Since = '36h'; Expected = '36h' }
        @{ Since = '01:30:00'; Expected = '1h30m' }
    ) {
        Send-OrcReport -Since $Since -NoSend
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq "report --since $Expected" }
    }

    It 'refuses a value that is not a duration with Orc.InvalidDuration' {
        { Send-OrcReport -Since 'last week' -NoSend } | Should -Throw -ErrorId 'Orc.InvalidDuration*'
    }
}
