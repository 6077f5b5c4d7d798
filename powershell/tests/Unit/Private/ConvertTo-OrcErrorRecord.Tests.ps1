BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Get-OrcExitCodeInfo' {
    It 'maps exit code <Code> to <Id> (<Category>)' -TestCases @(
        @{ Code = 1; Id = 'Orc.CommandFailed'; Category = 'InvalidResult' }
        @{ Code = 2; Id = 'Orc.Usage'; Category = 'InvalidArgument' }
        @{ Code = 3; Id = 'Orc.InvalidDefinition'; Category = 'InvalidData' }
        @{ Code = 4; Id = 'Orc.InsecureDefinition'; Category = 'PermissionDenied' }
        @{ Code = 5; Id = 'Orc.Timeout'; Category = 'OperationTimeout' }
        @{ Code = 6; Id = 'Orc.DependencyUnmet'; Category = 'ResourceUnavailable' }
        @{ Code = 7; Id = 'Orc.OverlapSkipped'; Category = 'ResourceBusy' }
        @{ Code = 8; Id = 'Orc.Disabled'; Category = 'ResourceUnavailable' }
        @{ Code = 9; Id = 'Orc.Gated'; Category = 'NotSpecified' }
        @{ Code = 70; Id = 'Orc.Internal'; Category = 'NotSpecified' }
        @{ Code = 130; Id = 'Orc.Interrupted'; Category = 'OperationStopped' }
        @{ Code = 42; Id = 'Orc.UnknownExitCode'; Category = 'NotSpecified' }
    ) {
        $info = InModuleScope Orchestrator -Parameters @{ Code = $Code } { param($Code) Get-OrcExitCodeInfo -ExitCode $Code }
        $info.ErrorId | Should -Be $Id
        $info.Category | Should -Be $Category
    }

    It 'documents every code that docs/exit-codes.md lists' {
        $doc = Get-Content -Raw (Join-Path $RepoRoot 'docs/exit-codes.md')
        $documented = [regex]::Matches($doc, '(?m)^\|\s*(\d+)\s*\|\s*(\w+)\s*\|') | ForEach-Object { '{0}={1}' -f $_.Groups[1].Value, $_.Groups[2].Value }
        $table = InModuleScope Orchestrator { Get-OrcExitCodeInfo } | ForEach-Object { '{0}={1}' -f $_.Code, $_.Name }
        @($table) | Should -Be @($documented)
    }
}

Describe 'ConvertTo-OrcErrorRecord' {
    It 'uses the exit-code table and keeps orc-exec''s message' {
        $result = New-OrcExecResult -ExitCode 4 -StdErr "orc-exec: error: tasks is writable by Users`norc-exec: hint: icacls ... /remove:g Users"
        $err = InModuleScope Orchestrator -Parameters @{ R = $result } { param($R) ConvertTo-OrcErrorRecord -Result $R -TargetObject 'db' }
        $err.FullyQualifiedErrorId | Should -Be 'Orc.InsecureDefinition'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.TargetObject | Should -Be 'db'
        $err.Exception.Message | Should -BeLike '*writable by Users*icacls*'
    }

    It 'lists every field, problem and fix of an invalid definition once' {
        $record = ConvertTo-OrcTestRecord '{"schema":"orc.validate/v1","task":"db","valid":false,"errors":[{"field":"timout","problem":"unknown field","fix":"did you mean timeout?"}]}'
        $result = New-OrcExecResult -ExitCode 3 -Records @($record) -StdErr "orc-exec: error: -: timout: unknown field`norc-exec: hint: fix the definition"
        $err = InModuleScope Orchestrator -Parameters @{ R = $result } { param($R) ConvertTo-OrcErrorRecord -Result $R }
        $err.FullyQualifiedErrorId | Should -Be 'Orc.InvalidDefinition'
        $err.Exception.Message | Should -BeLike 'timout: unknown field (fix: did you mean timeout?)*'
        $err.Exception.Message | Should -Not -BeLike '*error:*'
        $err.Exception.Message | Should -BeLike '*hint: fix the definition*'
    }

    It 'turns "task not found" into Orc.TaskNotFound (ObjectNotFound)' {
        $result = New-OrcExecResult -ExitCode 10 -StdErr 'orc-exec: error: task "nope" not found: /s/tasks/nope.json does not exist'
        $err = InModuleScope Orchestrator -Parameters @{ R = $result } { param($R) ConvertTo-OrcErrorRecord -Result $R }
        $err.FullyQualifiedErrorId | Should -Be 'Orc.TaskNotFound'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'treats an undocumented code as a failure with Orc.UnknownExitCode' {
        $result = New-OrcExecResult -ExitCode 99
        $err = InModuleScope Orchestrator -Parameters @{ R = $result } { param($R) ConvertTo-OrcErrorRecord -Result $R }
        $err.FullyQualifiedErrorId | Should -Be 'Orc.UnknownExitCode'
        $err.Exception.Message | Should -BeLike '*99*'
    }
}

Describe 'ConvertTo-OrcErrorRecord hints' {
    # Every hint orc-exec can print that names one of its commands with a cmdlet equivalent must
    # reach a PowerShell user as that cmdlet. The hints are read from the Go source, so a new one
    # is covered without touching this file.
    BeforeDiscovery {
        $cli = Join-Path $PSScriptRoot '../../../../go/internal/cli'
        $script:hints = @(Get-ChildItem -Path $cli -Filter *.go | ForEach-Object { (Get-Content -Raw -LiteralPath $_.FullName) -replace '"\s*\+\s*[^+"]+\+\s*"', 'db' } |
                ForEach-Object { [regex]::Matches($_, '"([^"\n]*''orc-exec (?:list|validate|notify show|notify set|history)[^"\n]*)"') } |
                ForEach-Object { @{ Hint = $_.Groups[1].Value } })
    }

    It 'finds the hints in the Go source' {
        $hints.Count | Should -BeGreaterThan 4
    }

    It 'tells the cmdlet for: <Hint>' -ForEach $hints {
        $record = InModuleScope Orchestrator -Parameters @{ Hint = $Hint } {
            ConvertTo-OrcErrorRecord -Result ([pscustomobject]@{ ExitCode = 3; Records = @(); StdErr = "orc-exec: error: x`norc-exec: hint: $Hint"; CommandLine = 'orc-exec x' })
        }
        "$record" | Should -Not -Match "'orc-exec (list|validate|notify show|notify set|history)"
        "$record" | Should -Match '(Get|Set|Test|Register)-Orc\w+'
    }

    It 'says Register-OrcTask for "register it first"' {
        $record = InModuleScope Orchestrator {
            ConvertTo-OrcErrorRecord -Result ([pscustomobject]@{ ExitCode = 10; Records = @(); StdErr = "orc-exec: error: task `"x`" not found`norc-exec: hint: run 'orc-exec list' to see the tasks, or register it first"; CommandLine = 'orc-exec x' })
        }
        "$record" | Should -BeLike '*run Get-OrcTask to see the tasks, or Register-OrcTask to create it*'
    }
}
